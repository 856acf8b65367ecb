using System.Net;
using CcapBot.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CcapBot.Tests.Infrastructure;

/// <summary>
/// The real app on a real SQLite file of its own (deleted on dispose). Settings go in as configuration,
/// exactly as an operator would give them. <see cref="Clock"/>, when set, replaces the system clock.
/// </summary>
public sealed class CcapBotFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Action<IServiceCollection>> _testServices = [];
    private bool _kestrel;

    public CcapBotFactory(string? databaseFile = null)
    {
        DatabaseFile = databaseFile ?? Path.Combine(Path.GetTempPath(), $"ccapbot-test-{Guid.NewGuid():N}.db");
        _settings["ConnectionStrings:CcapBot"] = $"Data Source={DatabaseFile}";
        _settings["Turns:TypingDelay"] = "00:00:00";
        _settings["Outbox:PollInterval"] = "00:00:00.050";
    }

    public string DatabaseFile { get; }
    public FakeTimeProvider? Clock { get; set; }
    /// <summary>What the app logged (its own categories from Debug, others from Warning).</summary>
    public LogCapture Logs { get; } = new();
    public bool OwnsDatabaseFile { get; set; } = true;

    public CcapBotFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Replaces or adds services after the app's own registrations (e.g. a route table with test forms).</summary>
    public CcapBotFactory WithTestServices(Action<IServiceCollection> configure)
    {
        _testServices.Add(configure);
        return this;
    }

    /// <summary>
    /// Serve on a real loopback port (for browsers, JS clients and the local Direct Line's own callbacks): any free
    /// one, or <paramref name="port"/> when configuration must name it beforehand (DirectLine:ServiceUrl).
    /// </summary>
    public CcapBotFactory WithKestrel(int port = 0)
    {
        _kestrel = true;
        UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        return this;
    }

    /// <summary>A loopback port free right now (for <see cref="WithKestrel"/> when the URL must be configured first).</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The base address of the running server (Kestrel when enabled).</summary>
    public Uri BaseAddress
    {
        get
        {
            if (_kestrel) StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureLogging(l => l.AddProvider(Logs));
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            if (Clock is not null) services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            foreach (var configure in _testServices) configure(services);
        });
    }

    public AsyncServiceScope CreateScope() => Services.CreateAsyncScope();

    /// <summary>A context of its own for assertions (not shared with the app's scopes).</summary>
    public async Task<T> QueryAsync<T>(Func<CcapDbContext, Task<T>> query)
    {
        await using var scope = CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CcapDbContext>());
    }

    /// <summary>Work on a context of its own (seeding or changing data behind the app's back).</summary>
    public async Task WithDbAsync(Func<CcapDbContext, Task> work)
    {
        await using var scope = CreateScope();
        await work(scope.ServiceProvider.GetRequiredService<CcapDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && OwnsDatabaseFile) DeleteDatabase(DatabaseFile);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (OwnsDatabaseFile) DeleteDatabase(DatabaseFile);
    }

    public static void DeleteDatabase(string file)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { file, file + "-wal", file + "-shm" })
        {
            try { File.Delete(f); } catch (IOException) { }
        }
    }
}
