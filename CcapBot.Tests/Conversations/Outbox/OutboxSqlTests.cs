using CcapBot.Conversations.Outbox;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Tests.Conversations.Outbox;

/// <summary>What the worker's claim becomes on SQL Server (the production engine), read without a server.</summary>
public sealed class OutboxSqlTests
{
    [Fact]
    public async Task Claim_OnSqlServer_IsOneUpdate_ThatRechecksTheLeaseOnTheRowsItUpdates()
    {
        var server = new OfflineSqlServer();
        await using var db = server.CreateContext();
        var now = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

        await OutboxWorker.ClaimAsync(db, now, "worker-1", now.AddMinutes(5), 10, TestContext.Current.CancellationToken);

        var sql = Assert.Single(server.Commands);
        Assert.StartsWith("UPDATE [o]", sql, StringComparison.Ordinal);
        var subquery = sql.IndexOf("IN (", StringComparison.Ordinal);
        Assert.Contains("SELECT TOP(10) [o0].[Id]", sql[subquery..], StringComparison.Ordinal);
        Assert.Contains("ORDER BY [o0].[DueAt], [o0].[Id]", sql[subquery..], StringComparison.Ordinal);
        // The rows actually updated are re-checked: pending, due, lease free.
        Assert.Contains("[o].[Status] = 0 AND [o].[DueAt] <= @now AND ([o].[LeaseUntil] IS NULL OR [o].[LeaseUntil] <= @now1)", sql[..subquery], StringComparison.Ordinal);
        Assert.Equal(System.Data.ConnectionState.Closed, db.Database.GetDbConnection().State);
    }
}
