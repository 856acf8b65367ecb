using CcapBot.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddHealth();
builder.AddPersistence();
builder.AddDirectLine();
builder.AddBot();

var app = builder.Build();

app.MapHealth();
app.MapBot();
app.MapDirectLine();

app.Run();
