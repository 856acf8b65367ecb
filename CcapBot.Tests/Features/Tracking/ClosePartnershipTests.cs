using CcapBot.Persistence;
using CcapBot.Domain;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Tests.Features.Tracking;

/// <summary>A coordinator closes a partnership: both cities are recognised and asked for results; nobody else may.</summary>
public sealed class ClosePartnershipTests : IAsyncLifetime
{
    private readonly StatusUpdateWorld _world = new();

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task ACoordinatorClosesAPartnership_BothCitiesAreRecognised_AndItsWaitingRemindersAreNotSent()
    {
        // A reminder about an open activity is waiting in the outbox when the partnership is closed.
        await _world.Bot.QueryAsync(async db =>
        {
            var activity = await db.PartnershipActivities.FirstAsync(a => a.PartnershipId == _world.PartnershipId && a.Status != ActivityStatus.Done);
            db.OutboxMessages.Add(new OutboxMessage
            {
                IdempotencyKey = "due7:test", ChannelId = "msteams", ServiceUrl = _world.Bot.Connector.ServiceUrl, BotId = "bot", ConversationId = "a:hcm", UserId = _world.Hcm.UserId,
                Activity = "{\"type\":\"message\"}", Status = OutboxStatus.Pending, DueAt = StatusUpdateWorld.Now.AddDays(1), CreatedAt = StatusUpdateWorld.Now,
                Topic = $"tracking.activity:{activity.Id}",
            });
            return await db.SaveChangesAsync();
        });
        var coordinator = await _world.ConversationAsync(new Person(ActivePartnerships.CoordinatorUserId, "a:coordinator") { TimeZone = "Asia/Bangkok" });

        var reply = await coordinator.SayAsync($"close partnership {_world.PartnershipId}");

        Assert.Contains($"Partnership #{_world.PartnershipId} is closed", reply.All, StringComparison.Ordinal);
        var partnership = await _world.Bot.QueryAsync(db => db.Partnerships.SingleAsync(p => p.Id == _world.PartnershipId));
        Assert.Equal(PartnershipStatus.Closed, partnership.Status);
        var recognition = await _world.Bot.QueryAsync(db => db.OutboxMessages.Where(m => m.IdempotencyKey.StartsWith("recognition:")).ToListAsync());
        Assert.Equal(["29:hcm", "29:kit"], recognition.Select(r => r.UserId).Order(StringComparer.Ordinal));
        Assert.All(recognition, r => Assert.Contains("Partnership closed", r.Activity, StringComparison.Ordinal));
        Assert.All(recognition, r => Assert.Contains("Record results", r.Activity, StringComparison.Ordinal));
        var waiting = await _world.Bot.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.IdempotencyKey == "due7:test"));
        Assert.Equal(OutboxStatus.Superseded, waiting.Status);
        Assert.Contains(await _world.Bot.QueryAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()), a => a == "partnership.closed");
    }

    [Fact]
    public async Task ARepresentative_CannotCloseTheirPartnership()
    {
        var before = await _world.SnapshotAsync();
        var hcm = await _world.ConversationAsync(_world.Hcm);

        var reply = await hcm.SayAsync($"close partnership {_world.PartnershipId}");

        Assert.Contains("Only Clean Air Asia coordinators can close a partnership", reply.All, StringComparison.Ordinal);
        Assert.Equal(before, await _world.SnapshotAsync());
        Assert.Equal(PartnershipStatus.Active, (await _world.Bot.QueryAsync(db => db.Partnerships.SingleAsync(p => p.Id == _world.PartnershipId))).Status);
    }
}
