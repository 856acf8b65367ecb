using System.Text.Json.Nodes;
using CcapBot.Domain;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CcapBot.Tests.Features.Tracking;

/// <summary>Check-in cards: sent on the partnership's cadence to each owner, answered in one go, replaced by the outcome.</summary>
public sealed class CheckInTests : IAsyncLifetime
{
    /// <summary>Monday 1 March 2027, 08:00 in Ho Chi Minh City.</summary>
    private static readonly DateTimeOffset Start = new(2027, 3, 1, 1, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private BotWorld _world = null!;
    private Person _hcm = null!, _kit = null!, _outsider = null!;
    private int _partnershipId;

    public async ValueTask InitializeAsync()
    {
        _world = await BotWorld.StartAsync(ActivePartnerships.Options(_clock));
        await _world.SeedAsync(async seed =>
        {
            _hcm = await seed.TeamsRepresentativeAsync(await seed.CityAsync("Ho Chi Minh City", "VN", "Asia/Ho_Chi_Minh"), "hcm", "Asia/Ho_Chi_Minh");
            _kit = await seed.TeamsRepresentativeAsync(await seed.CityAsync("Kitakyushu", "JP", "Asia/Tokyo"), "kit", "Asia/Tokyo");
            _outsider = await seed.TeamsRepresentativeAsync(await seed.CityAsync("Bangkok", "TH", "Asia/Bangkok"), "bkk", "Asia/Bangkok");
            var yok = await seed.TeamsRepresentativeAsync(await seed.CityAsync("Yokohama", "JP", "Asia/Tokyo"), "yok", "Asia/Tokyo");
            var today = DateOnly.FromDateTime(Start.UtcDateTime);
            var partnership = await seed.ActivePartnershipAsync(_kit, _hcm,
                [.. Enumerable.Range(1, 6).Select(i => ($"Activity {i}", i % 2 == 1 ? _hcm : _kit, today.AddMonths(i)))], today.AddMonths(7));
            _partnershipId = partnership.Id;
            // The outsider's own partnership, so they are a representative with activities of their own.
            await seed.ActivePartnershipAsync(yok, _outsider,
                [.. Enumerable.Range(1, 4).Select(i => ($"Bangkok activity {i}", _outsider, today.AddMonths(i)))], today.AddMonths(5));
        });
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task CheckInCard_GoesToEachOwner_AndOneSubmitUpdatesAllActivities_AndReplacesTheCard()
    {
        var card = await CheckInCardForAsync(_hcm);
        Assert.Contains("Activity 1", card.Text());
        Assert.Contains("Activity 5", card.Text());
        Assert.DoesNotContain("Activity 2", card.Text());
        var ids = await ActivityIdsAsync();

        var user = _world.Chat(_hcm);
        var reply = await user.PressAsync("Submit", new Dictionary<string, string>
        {
            [$"status_{ids[1]}"] = "Done", [$"note_{ids[1]}"] = "Inventory report published",
            [$"status_{ids[3]}"] = "InProgress", [$"note_{ids[3]}"] = "",
            [$"status_{ids[5]}"] = "NotStarted",
        }, card);

        var outcome = reply.InvokeCard ?? throw new InvalidOperationException("The card was not replaced: " + reply.All);
        Assert.Contains("Saved 2 update(s)", outcome.Text());
        Assert.Empty(outcome.Actions());
        var activities = await _world.QueryAsync(db => db.PartnershipActivities.Where(a => a.PartnershipId == _partnershipId).OrderBy(a => a.Number).ToListAsync());
        Assert.Equal([ActivityStatus.Done, ActivityStatus.NotStarted, ActivityStatus.InProgress, ActivityStatus.NotStarted, ActivityStatus.NotStarted, ActivityStatus.NotStarted],
            activities.Select(a => a.Status));
        Assert.Equal("Inventory report published", activities[0].LastNote);
        var history = await _world.QueryAsync(db => db.ActivityUpdates.Where(u => u.ActivityId == ids[1]).ToListAsync());
        var update = Assert.Single(history);
        Assert.Equal((ActivityStatus.NotStarted, ActivityStatus.Done, "Inventory report published", "29:hcm", "msteams", _hcm.RepresentativeId),
            (update.FromStatus, update.ToStatus, update.Note, update.By, update.Channel, update.RepresentativeId));
        Assert.Equal(_clock.GetUtcNow(), update.At);
    }

    [Fact]
    public async Task LateAnswer_ToAnEarlierCheckIn_StillCounts()
    {
        var first = await CheckInCardForAsync(_hcm);
        _clock.Advance(TimeSpan.FromDays(14));
        await _world.TickAsync();
        await _world.RunOutboxAsync();
        Assert.Equal(2, CheckInCalls(_hcm).Count);
        var ids = await ActivityIdsAsync();

        var reply = await _world.Chat(_hcm).PressAsync("Submit", new Dictionary<string, string> { [$"status_{ids[3]}"] = "Blocked", [$"note_{ids[3]}"] = "Waiting for funding" }, first);

        Assert.Contains("Saved 1 update(s)", reply.InvokeCard.Text());
        var activity = await _world.QueryAsync(db => db.PartnershipActivities.SingleAsync(a => a.Id == ids[3]));
        Assert.Equal((ActivityStatus.Blocked, "Waiting for funding"), (activity.Status, activity.LastNote));
    }

    [Fact]
    public async Task PartnerOfAnotherPartnership_CannotChangeTheseActivities_ByCard()
    {
        var card = await CheckInCardForAsync(_hcm);
        var ids = await ActivityIdsAsync();
        var before = await SnapshotAsync();

        // The outsider replays the card's submit in their own conversation, naming these activities.
        var reply = await _world.Chat(_outsider).PressAsync("Submit", new Dictionary<string, string> { [$"status_{ids[1]}"] = "Done", [$"note_{ids[1]}"] = "hijacked" }, card);

        Assert.Contains("Only the cities of this partnership", reply.All);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task CheckIn_NamingActivitiesOfAnotherPartnership_ChangesNothingThere()
    {
        var card = await CheckInCardForAsync(_hcm);
        var theirs = await _world.QueryAsync(db => db.PartnershipActivities.Where(a => a.PartnershipId != _partnershipId).Select(a => a.Id).FirstAsync());
        var before = await SnapshotAsync();

        var reply = await _world.Chat(_hcm).PressAsync("Submit", new Dictionary<string, string> { [$"status_{theirs}"] = "Done" }, card);

        Assert.Contains("Nothing changed", reply.InvokeCard.Text());
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task CheckIn_InWebChat_UpdatesTheCardInPlace()
    {
        await _world.WithDbAsync(db => db.ConversationMembers.Where(m => m.UserId == _kit.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ChannelId, "webchat"), TestContext.Current.CancellationToken));
        await _world.WithDbAsync(db => db.RepresentativeIdentities.Where(i => i.UserId == _kit.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ChannelId, "webchat"), TestContext.Current.CancellationToken));
        var card = await CheckInCardForAsync(_kit);
        Assert.Contains(card.Actions(), a => (string?)a["type"] == "Action.Submit");
        var ids = await ActivityIdsAsync();
        var user = _world.Chat(_kit with { ChannelId = "webchat" });
        var sent = CheckInCalls(_kit).Single();

        var reply = await user.SubmitAsync(new Dictionary<string, string>
        {
            ["verb"] = "tracking.checkin.submit", ["arg"] = $"{_partnershipId}:x", [$"status_{ids[2]}"] = "Done",
        }, replyToId: "card-1");

        var update = Assert.Single(reply.Calls, c => c.Method == "PUT");
        Assert.EndsWith("/activities/card-1", update.Path, StringComparison.Ordinal);
        Assert.Contains("Saved 1 update(s)", update.Activity.Card().Text());
        Assert.NotNull(sent);
    }

    private async Task<JsonObject> CheckInCardForAsync(Person person)
    {
        _clock.SetUtcNow(Start.AddDays(14).AddHours(1));
        await _world.TickAsync();
        await _world.RunOutboxAsync();
        var call = CheckInCalls(person).LastOrDefault() ?? throw new InvalidOperationException("No check-in card for " + person.UserId + ": " + string.Join(", ", _world.Connector.Calls.Select(c => c.Path)));
        return call.Activity.Card()!;
    }

    private List<ConnectorCall> CheckInCalls(Person person) =>
        [.. _world.Chat(person).Received.Where(c => c.Method == "POST" && c.Activity.Card().Text().Contains("Check-in", StringComparison.Ordinal))];

    private Task<Dictionary<int, int>> ActivityIdsAsync() =>
        _world.QueryAsync(db => db.PartnershipActivities.Where(a => a.PartnershipId == _partnershipId).ToDictionaryAsync(a => a.Number, a => a.Id));

    private Task<string> SnapshotAsync() => _world.QueryAsync(async db =>
        string.Join("|", await db.PartnershipActivities.OrderBy(a => a.Id).Select(a => $"{a.Id}/{a.Status}/{a.LastNote}").ToListAsync())
        + "#" + await db.ActivityUpdates.CountAsync() + "#" + await db.Partnerships.SumAsync(p => p.Version));
}
