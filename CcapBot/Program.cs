using CcapBot.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddHealth();
builder.AddPersistence();
builder.AddDirectLine();
builder.AddBot();
builder.AddOutbox();
builder.AddFeatures();
builder.AddTracking();
builder.AddProductionChecks();
builder.AddBenchmarkFloor();

var app = builder.Build();

app.MapHealth();
app.MapBot();
app.MapDirectLine();
app.MapTracking();

app.Run();
