using System.Net;
using CcapBot.Hosting;
using CcapBot.Persistence;
using CcapBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CcapBot.Tests.Deployment;

/// <summary>
/// The service started as App Service starts it (ASPNETCORE_ENVIRONMENT=Production, settings from the
/// environment): a complete configuration serves, and each gap an operator can leave stops start-up
/// with a message naming the setting, before anything is written.
/// Refusals run the real entry point with the settings as command-line configuration: a start that fails
/// inside WebApplicationFactory races the factory against the host's disposal and can lose the exception.
/// </summary>
public sealed class ProductionStartTests : IDisposable
{
    private const string AppId = "6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e";
    private const string TenantId = "0b1c2d3e-4f5a-4b6c-9d8e-7f6a5b4c3d2e";

    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"ccapbot-test-{Guid.NewGuid():N}.db");

    /// <summary>Stands in for the published folder: the app's appsettings.json, and room to see what start-up writes.</summary>
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("ccapbot-root-").FullName;

    public ProductionStartTests() => File.Copy(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Path.Combine(_contentRoot, "appsettings.json"));

    public void Dispose()
    {
        CcapBotFactory.DeleteDatabase(_databaseFile);
        Directory.Delete(_contentRoot, recursive: true);
    }

    /// <summary>What the Bicep template gives the Web App (user-assigned managed identity), on a SQLite file of the test's own.</summary>
    private Dictionary<string, string?> Deployed(string environment = "Production") => new(StringComparer.OrdinalIgnoreCase)
    {
        [WebHostDefaults.EnvironmentKey] = environment,
        ["Bot:AppId"] = AppId,
        ["Bot:AppType"] = "UserAssignedMSI",
        ["Bot:TenantId"] = TenantId,
        ["Bot:ManagedIdentityClientId"] = AppId,
        ["ConnectionStrings:CcapBot"] = $"Data Source={_databaseFile}",
    };

    private async Task<string> StartFailureAsync(Dictionary<string, string?> settings)
    {
        string[] args =
        [
            .. settings.Select(s => $"--{s.Key}={s.Value}"),
            $"--{WebHostDefaults.ContentRootKey}={_contentRoot}",
            "--urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=None",
        ];
        var entryPoint = typeof(Program).Assembly.EntryPoint ?? throw new InvalidOperationException("CcapBot has no entry point.");
        var run = Task.Factory.StartNew(() => entryPoint.Invoke(null, [args]), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        // A start that should have been refused would serve forever; the time-out turns that into a failure.
        var e = await Assert.ThrowsAnyAsync<Exception>(() => run.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));
        Assert.IsNotType<TimeoutException>(e);
        var messages = new List<string>();
        for (Exception? x = e; x is not null; x = x.InnerException) messages.Add(x.Message);
        if (e.InnerException is AggregateException aggregate) messages.AddRange(aggregate.InnerExceptions.Select(x => x.Message));
        return string.Join(Environment.NewLine, messages);
    }

    private static async Task<List<string>> TablesAsync(string databaseFile)
    {
        if (!File.Exists(databaseFile)) return [];
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken)) tables.Add(reader.GetString(0));
        return tables;
    }

    [Fact]
    public async Task CompleteSettings_Start_AndServeHealthEndpoints()
    {
        await using var factory = new CcapBotFactory(_databaseFile) { OwnsDatabaseFile = false };
        foreach (var (key, value) in Deployed()) factory.With(key, value);
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ready", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(Environments.Production, factory.Services.GetRequiredService<IHostEnvironment>().EnvironmentName);
        Assert.Contains("__EFMigrationsHistory", await TablesAsync(_databaseFile));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task MissingAppId_OutsideDevelopment_RefusesToStart_NamingBotAppId(string environment)
    {
        var settings = Deployed(environment);
        settings["Bot:AppId"] = "";
        settings["Bot:ManagedIdentityClientId"] = "";

        var failure = await StartFailureAsync(settings);

        Assert.Contains($"Bot:AppId is required in the {environment} environment", failure, StringComparison.Ordinal);
        Assert.Contains("unauthenticated", failure, StringComparison.Ordinal);
        Assert.Empty(await TablesAsync(_databaseFile));
    }

    [Fact]
    public async Task MissingAppId_InDevelopment_StartsAnonymous()
    {
        await using var factory = new CcapBotFactory(_databaseFile) { OwnsDatabaseFile = false };
        foreach (var (key, value) in Deployed("Development")) factory.With(key, value);
        factory.With("Bot:AppId", "").With("Bot:ManagedIdentityClientId", "");

        var response = await factory.CreateClient().GetAsync("/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("SqlServer", "this is not a connection string")]
    [InlineData("SqlServer", "Server=tcp:ccap.database.windows.net,1433;Databse=ccapbot")]
    [InlineData("Sqlite", "Data Sorce=/var/ccapbot/ccapbot.db")]
    public async Task MalformedConnectionString_RefusesToStart_NamingIt(string provider, string connectionString)
    {
        var settings = Deployed();
        settings["Database:Provider"] = provider;
        settings["ConnectionStrings:CcapBot"] = connectionString;

        var failure = await StartFailureAsync(settings);

        Assert.Contains($"ConnectionStrings:CcapBot is not a valid {provider} connection string", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SqlServerConnectionString_WithoutDatabase_RefusesToStart_NamingIt()
    {
        var settings = Deployed();
        settings["Database:Provider"] = "SqlServer";
        settings["ConnectionStrings:CcapBot"] = "Server=tcp:127.0.0.1,14330;Encrypt=True";

        var failure = await StartFailureAsync(settings);

        Assert.Contains("ConnectionStrings:CcapBot names no database", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoConnectionString_RefusesTheDevelopmentSqliteFallback()
    {
        var settings = Deployed();
        settings["ConnectionStrings:CcapBot"] = "";

        var failure = await StartFailureAsync(settings);

        Assert.Contains("ConnectionStrings:CcapBot is required in the Production environment", failure, StringComparison.Ordinal);
        Assert.Contains("App_Data default is for local development only", failure, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_contentRoot, "App_Data")));
    }

    [Fact]
    public async Task PendingMigrations_WithMigrateOnStartupOff_RefusesToStart_NamingEachMigration()
    {
        var settings = Deployed();
        settings["Database:MigrateOnStartup"] = "false";
        List<string> migrations;
        await using (var model = new SqliteCcapDbContext(new DbContextOptionsBuilder<SqliteCcapDbContext>().UseSqlite($"Data Source={_databaseFile}").Options))
        {
            migrations = model.Database.GetMigrations().ToList();
        }
        Assert.NotEmpty(migrations);

        var failure = await StartFailureAsync(settings);

        Assert.Contains($"The Sqlite database is missing {migrations.Count} migration(s)", failure, StringComparison.Ordinal);
        Assert.All(migrations, m => Assert.Contains(m, failure, StringComparison.Ordinal));
        Assert.Contains("Database:MigrateOnStartup is false", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("__EFMigrationsHistory", await TablesAsync(_databaseFile));
    }

    [Fact]
    public void PendingMigrations_OnSqlServer_PointToTheDeploymentScript()
    {
        var message = DatabaseMigrator.PendingMessage(new DatabaseOptions { Provider = DatabaseProvider.SqlServer }, ["20260101000000_Initial", "20260201000000_Outbox"]);

        Assert.Equal(
            "The SqlServer database is missing 2 migration(s): 20260101000000_Initial, 20260201000000_Outbox. " +
            "Database:MigrateOnStartup is off by default with SqlServer, so CcapBot does not change the schema itself: " +
            "apply deployment/sql/ccapbot.sql to this database (deployment/README.md, \"Production database\") and start CcapBot again.",
            message);
    }
}
