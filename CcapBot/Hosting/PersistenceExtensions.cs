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
                    .AddInterceptors(SqlitePragmas.Instance));
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
