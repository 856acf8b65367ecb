using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using CcapBot.Conversations.Outbox;
using CcapBot.Persistence;
using CcapBot.Protocol.Schema;
using CcapBot.Tests.Infrastructure;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CcapBot.Tests.Persistence;

/// <summary>
/// The app on a real SQL Server: each test creates a fresh database and drops it afterwards. They run only when
/// CCAPBOT_SQLSERVER holds a connection string to a server where the login may create databases, e.g.
/// <c>CCAPBOT_SQLSERVER="Server=localhost;User ID=sa;Password=…;TrustServerCertificate=true"</c>; otherwise they are
/// reported as skipped.
/// </summary>
public sealed partial class SqlServerTests
{
    private const string Variable = "CCAPBOT_SQLSERVER";

    private static string Server()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        Assert.SkipUnless(server is { Length: > 0 }, $"SQL Server tests run when {Variable} holds a connection string.");
        return server ?? "";
    }

    [Fact]
    public async Task ProductionScript_BuildsADatabase_TheAppAcceptsAndRunsATurnOn()
    {
        var server = Server();
        await WithFreshDatabaseAsync(server, async connectionString =>
        {
            await ApplyProductionScriptAsync(connectionString);
            // Applied twice: the script is idempotent.
            await ApplyProductionScriptAsync(connectionString);
            await RunATurnAsync(connectionString);
        });
    }

    [Fact]
    public async Task Migrations_BuildADatabase_WhereTwoOutboxWorkersSendEachRowOnce()
    {
        var server = Server();
        await WithFreshDatabaseAsync(server, TwoWorkersAsync);
    }

    private static async Task RunATurnAsync(string connectionString)
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = OnSqlServer(connectionString);
        var client = bot.CreateClient();

        var response = await client.PostAsync("/api/messages",
            new StringContent(ActivityBuilder.Message("hi").To(connector.ServiceUrl).Json(), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        await connector.WaitForAsync(1);
        Assert.Equal(1, await bot.QueryAsync(db => db.ConversationMembers.CountAsync()));
        Assert.Equal(1, await bot.QueryAsync(db => db.ProcessedActivities.CountAsync()));
        var ready = await client.GetAsync("/ready", TestContext.Current.CancellationToken);
        Assert.True(ready.IsSuccessStatusCode, $"/ready answered {(int)ready.StatusCode}");
    }

    private static async Task TwoWorkersAsync(string connectionString)
    {
        const int Rows = 100;
        await using var connector = await FakeConnector.StartAsync();
        await using var one = OnSqlServer(connectionString, enabled: true).With("Database:MigrateOnStartup", "true");
        await using var two = OnSqlServer(connectionString, enabled: true);
        _ = one.Services;
        _ = two.Services;

        await using (var scope = one.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CcapDbContext>();
            var writer = scope.ServiceProvider.GetRequiredService<OutboxWriter>();
            var target = new OutboxTarget { ChannelId = Channels.MsTeams, ServiceUrl = connector.ServiceUrl, BotId = "28:bot", ConversationId = "a:conv-1", UserId = "29:user-1" };
            for (var i = 0; i < Rows; i++)
                await writer.EnqueueAsync(db, $"k-{i}", target, new Activity { Type = ActivityTypes.Message, Text = $"m{i}" }, DateTimeOffset.UtcNow, cancellationToken: TestContext.Current.CancellationToken);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await one.QueryAsync(db => db.OutboxMessages.AllAsync(m => m.Status == OutboxStatus.Sent)))
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the outbox.");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        await Task.Delay(300, TestContext.Current.CancellationToken);

        Assert.Equal(Rows, connector.Calls.Count);
        Assert.All(Enumerable.Range(0, Rows), i => Assert.Single(connector.Calls, c => c.Activity?.Text == $"m{i}"));
    }

    private static CcapBotFactory OnSqlServer(string connectionString, bool enabled = false) => new CcapBotFactory()
        .With("Database:Provider", "SqlServer")
        .With("ConnectionStrings:CcapBot", connectionString)
        .With("Outbox:Enabled", enabled ? "true" : "false");

    /// <summary>Runs the committed script batch by batch, as sqlcmd would (GO separates batches).</summary>
    private static async Task ApplyProductionScriptAsync(string connectionString)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "CcapBot.sln"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("No CcapBot.sln found.");
        var script = await File.ReadAllTextAsync(Path.Combine(root, "deployment", "sql", "ccapbot.sql"), TestContext.Current.CancellationToken);
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var batch in GoSeparator().Split(script).Where(b => !string.IsNullOrWhiteSpace(b)))
        {
            await using var command = new SqlCommand(batch, connection);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
    }

    private static async Task WithFreshDatabaseAsync(string server, Func<string, Task> test)
    {
        var name = $"ccapbot_test_{Guid.NewGuid():N}";
        var master = new SqlConnectionStringBuilder(server) { InitialCatalog = "master" }.ConnectionString;
        await ExecuteAsync(master, $"CREATE DATABASE [{name}]");
        try
        {
            await test(new SqlConnectionStringBuilder(server) { InitialCatalog = name }.ConnectionString);
        }
        finally
        {
            SqlConnection.ClearAllPools();
            await ExecuteAsync(master, $"IF DB_ID(N'{name}') IS NOT NULL DROP DATABASE [{name}]");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync(CancellationToken.None);
        await using var command = new SqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoSeparator();
}
