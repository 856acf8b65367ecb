using System.Data.Common;
using System.Runtime.CompilerServices;
using CcapBot.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace CcapBot.Hosting;

public static class PersistenceExtensions
{
    public static IHostApplicationBuilder AddPersistence(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .Configure<IConfiguration, IHostEnvironment>((o, config, env) =>
            {
                o.ConnectionString ??= config.GetConnectionString("CcapBot");
                if (o.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(o.ConnectionString))
                    o.ConnectionString = $"Data Source={Path.Combine(env.ContentRootPath, "App_Data", "ccapbot.db")}";
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The provider is chosen from configuration before the container is built; the options
        // validation above reports a bad value with the setting's name.
        var provider = builder.Configuration.GetValue($"{DatabaseOptions.SectionName}:Provider", DatabaseProvider.Sqlite);
        if (provider == DatabaseProvider.SqlServer)
        {
            builder.Services.AddDbContextPool<SqlServerCcapDbContext>((sp, options) =>
                options.UseSqlServer(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString,
                    sql => sql.EnableRetryOnFailure(maxRetryCount: 5, maxRetryDelay: TimeSpan.FromSeconds(10), errorNumbersToAdd: null)));
            builder.Services.AddScoped<CcapDbContext>(sp => sp.GetRequiredService<SqlServerCcapDbContext>());
        }
        else
        {
            builder.Services.AddDbContextPool<SqliteCcapDbContext>((sp, options) =>
                options.UseSqlite(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString)
                    .AddInterceptors(SqlitePragmas.Instance, sp.GetRequiredService<SqliteWriteGate>()));
            builder.Services.AddSingleton<SqliteWriteGate>();
            builder.Services.AddScoped<CcapDbContext>(sp => sp.GetRequiredService<SqliteCcapDbContext>());
        }

        builder.Services.AddHostedService<DatabaseMigrator>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }
}

/// <summary>
/// WAL lets readers run beside the single writer; NORMAL sync in WAL mode is durable across process
/// crashes and fsyncs at checkpoints only, which is what makes a write per turn affordable. The settings
/// belong to the native connection, which the pool keeps: they are applied once per handle, not per open.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();
    private static readonly ConditionalWeakTable<object, object> Configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || Configured.TryGetValue(handle, out _)) return;
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";
        command.ExecuteNonQuery();
        Configured.AddOrUpdate(handle, handle);
    }
}

/// <summary>
/// SQLite has one writer at a time. When this process's turns meet at the write lock, SQLite's busy handler
/// makes the losers sleep in millisecond steps, which under load costs more than the writes themselves. This
/// gate queues this process's SaveChanges in .NET instead, so the lock is free when a turn asks for it.
/// A save inside an explicit transaction is not gated: that transaction may already hold the write lock,
/// and waiting here behind a turn that waits for that lock would stall both. Other processes on the same
/// file still meet the busy timeout (SQLite is the single-instance default).
/// </summary>
internal sealed class SqliteWriteGate : SaveChangesInterceptor, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<DbContext, object> _holders = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context && !_holders.TryGetValue(context, out _))
        {
            _gate.Wait();
            _holders.AddOrUpdate(context, context);
        }
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Exit(eventData.Context);
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Exit(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Exit(eventData.Context);

    private async Task EnterAsync(DbContext? context, CancellationToken cancellationToken)
    {
        // A context saving again inside its own save (not done here, but cheap to allow) must not wait on itself.
        if (context is null || context.Database.CurrentTransaction is not null || _holders.TryGetValue(context, out _)) return;
        await _gate.WaitAsync(cancellationToken);
        _holders.AddOrUpdate(context, context);
    }

    private void Exit(DbContext? context)
    {
        if (context is not null && _holders.Remove(context)) _gate.Release();
    }

    public void Dispose() => _gate.Dispose();
}
