using System.Text.Json.Nodes;
using CcapBot.Conversations.Outbox;
using CcapBot.Domain;
using CcapBot.Persistence;
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
    private FakeConnector _connector = null!;
    private CcapBotFactory _bot = null!;
    private Person _hcm = null!, _kit = null!, _outsider = null!;
    private int _partnershipId;

    public async ValueTask InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = TrackingWorld.Host(_connector, _clock);
        await TrackingWorld.WithDbAsync(_bot, async db =>
        {
            var hcm = await TrackingWorld.CityAsync(db, "Ho Chi Minh City", "VN", "Asia/Ho_Chi_Minh", Start);
            var kit = await TrackingWorld.CityAsync(db, "Kitakyushu", "JP", "Asia/Tokyo", Start);
            var bkk = await TrackingWorld.CityAsync(db, "Bangkok", "TH", "Asia/Bangkok", Start);
            var yok = await TrackingWorld.CityAsync(db, "Yokohama", "JP", "Asia/Tokyo", Start);
            _hcm = await TrackingWorld.RepresentativeAsync(db, hcm, "hcm", "Asia/Ho_Chi_Minh", _connector.ServiceUrl, Start);
            _kit = await TrackingWorld.RepresentativeAsync(db, kit, "kit", "Asia/Tokyo", _connector.ServiceUrl, Start);
            _outsider = await TrackingWorld.RepresentativeAsync(db, bkk, "bkk", "Asia/Bangkok", _connector.ServiceUrl, Start);
            var yokRep = await TrackingWorld.RepresentativeAsync(db, yok, "yok", "Asia/Tokyo", _connector.ServiceUrl, Start);
            var today = DateOnly.FromDateTime(Start.UtcDateTime);
            var partnership = await TrackingWorld.ActivePartnershipAsync(db, _kit, _hcm,
                [.. Enumerable.Range(1, 6).Select(i => ($"Activity {i}", i % 2 == 1 ? _hcm : _kit, today.AddMonths(i)))], today.AddMonths(7), Start);
            _partnershipId = partnership.Id;
            // The outsider's own partnership, so they are a representative with activities of their own.
            await TrackingWorld.ActivePartnershipAsync(db, yokRep, _outsider,
                [.. Enumerable.Range(1, 4).Select(i => ($"Bangkok activity {i}", _outsider, today.AddMonths(i)))], today.AddMonths(5), Start);
            return 0;
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task CheckInCard_GoesToEachOwner_AndOneSubmitUpdatesAllActivities_AndReplacesTheCard()
    {
        var card = await CheckInCardForAsync(_hcm);
        Assert.Contains("Activity 1", BotConversation.Text(card));
        Assert.Contains("Activity 5", BotConversation.Text(card));
        Assert.DoesNotContain("Activity 2", BotConversation.Text(card));
        var ids = await ActivityIdsAsync();

        var user = Conversation(_hcm);
        var reply = await user.PressAsync("Submit", new Dictionary<string, string>
        {
            [$"status_{ids[1]}"] = "Done", [$"note_{ids[1]}"] = "Inventory report published",
            [$"status_{ids[3]}"] = "InProgress", [$"note_{ids[3]}"] = "",
            [$"status_{ids[5]}"] = "NotStarted",
        }, card);

        var outcome = reply.InvokeCard ?? throw new InvalidOperationException("The card was not replaced: " + reply.All);
        Assert.Contains("Saved 2 update(s)", BotConversation.Text(outcome));
        Assert.Empty(BotConversation.Actions(outcome));
        var activities = await TrackingWorld.WithDbAsync(_bot, db => db.PartnershipActivities.Where(a => a.PartnershipId == _partnershipId).OrderBy(a => a.Number).ToListAsync());
        Assert.Equal([ActivityStatus.Done, ActivityStatus.NotStarted, ActivityStatus.InProgress, ActivityStatus.NotStarted, ActivityStatus.NotStarted, ActivityStatus.NotStarted],
            activities.Select(a => a.Status));
        Assert.Equal("Inventory report published", activities[0].LastNote);
        var history = await TrackingWorld.WithDbAsync(_bot, db => db.ActivityUpdates.Where(u => u.ActivityId == ids[1]).ToListAsync());
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
        await TrackingWorld.TickAsync(_bot);
        await RunOutboxAsync();
        Assert.Equal(2, CheckInCalls(_hcm).Count);
        var ids = await ActivityIdsAsync();

        var reply = await Conversation(_hcm).PressAsync("Submit", new Dictionary<string, string> { [$"status_{ids[3]}"] = "Blocked", [$"note_{ids[3]}"] = "Waiting for funding" }, first);

        Assert.Contains("Saved 1 update(s)", BotConversation.Text(reply.InvokeCard));
        var activity = await TrackingWorld.WithDbAsync(_bot, db => db.PartnershipActivities.SingleAsync(a => a.Id == ids[3]));
        Assert.Equal((ActivityStatus.Blocked, "Waiting for funding"), (activity.Status, activity.LastNote));
    }

    [Fact]
    public async Task PartnerOfAnotherPartnership_CannotChangeTheseActivities_ByCard()
    {
        var card = await CheckInCardForAsync(_hcm);
        var ids = await ActivityIdsAsync();
        var before = await SnapshotAsync();

        // The outsider replays the card's submit in their own conversation, naming these activities.
        var reply = await Conversation(_outsider).PressAsync("Submit", new Dictionary<string, string> { [$"status_{ids[1]}"] = "Done", [$"note_{ids[1]}"] = "hijacked" }, card);

        Assert.Contains("Only the cities of this partnership", reply.All);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task CheckIn_NamingActivitiesOfAnotherPartnership_ChangesNothingThere()
    {
        var card = await CheckInCardForAsync(_hcm);
        var theirs = await TrackingWorld.WithDbAsync(_bot, db => db.PartnershipActivities.Where(a => a.PartnershipId != _partnershipId).Select(a => a.Id).FirstAsync());
        var before = await SnapshotAsync();

        var reply = await Conversation(_hcm).PressAsync("Submit", new Dictionary<string, string> { [$"status_{theirs}"] = "Done" }, card);

        Assert.Contains("Nothing changed", BotConversation.Text(reply.InvokeCard));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task CheckIn_InWebChat_UpdatesTheCardInPlace()
    {
        await TrackingWorld.WithDbAsync(_bot, db => db.ConversationMembers.Where(m => m.UserId == _kit.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ChannelId, "webchat"), TestContext.Current.CancellationToken));
        await TrackingWorld.WithDbAsync(_bot, db => db.RepresentativeIdentities.Where(i => i.UserId == _kit.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ChannelId, "webchat"), TestContext.Current.CancellationToken));
        var card = await CheckInCardForAsync(_kit);
        Assert.Contains(BotConversation.Actions(card), a => (string?)a["type"] == "Action.Submit");
        var ids = await ActivityIdsAsync();
        var user = new BotConversation(_bot.CreateClient(), _connector, _kit.ConversationId, channelId: "webchat") { UserId = _kit.UserId };
        var sent = CheckInCalls(_kit).Single();

        var reply = await user.PostAsync(ActivityBuilder.Submit(new { }).To(_connector.ServiceUrl).OnChannel("webchat").InConversation(_kit.ConversationId)
            .From(_kit.UserId).ReplyTo("card-1").Build() with
        {
            Value = System.Text.Json.JsonSerializer.SerializeToElement(new Dictionary<string, string>
            {
                ["verb"] = "tracking.checkin.submit", ["arg"] = $"{_partnershipId}:x", [$"status_{ids[2]}"] = "Done",
            }),
        });

        var update = Assert.Single(reply.Calls, c => c.Method == "PUT");
        Assert.EndsWith("/activities/card-1", update.Path, StringComparison.Ordinal);
        Assert.Contains("Saved 1 update(s)", BotConversation.Text(BotConversation.Card(update.Activity)));
        Assert.NotNull(sent);
    }

    private async Task<JsonObject> CheckInCardForAsync(Person person)
    {
        _clock.SetUtcNow(Start.AddDays(14).AddHours(1));
        await TrackingWorld.TickAsync(_bot);
        await RunOutboxAsync();
        var call = CheckInCalls(person).LastOrDefault() ?? throw new InvalidOperationException("No check-in card for " + person.UserId + ": " + string.Join(", ", _connector.Calls.Select(c => c.Path)));
        return BotConversation.Card(call.Activity)!;
    }

    private List<ConnectorCall> CheckInCalls(Person person) =>
        [.. _connector.Calls.Where(c => c.Method == "POST" && c.Path.Contains(Uri.EscapeDataString(person.ConversationId), StringComparison.Ordinal)
            && BotConversation.Text(BotConversation.Card(c.Activity)).Contains("Check-in", StringComparison.Ordinal))];

    private async Task RunOutboxAsync()
    {
        var worker = _bot.Services.GetRequiredService<OutboxWorker>();
        while (await worker.RunOnceAsync(TestContext.Current.CancellationToken) > 0) { }
    }

    private BotConversation Conversation(Person person) => new(_bot.CreateClient(), _connector, person.ConversationId) { UserId = person.UserId };

    private Task<Dictionary<int, int>> ActivityIdsAsync() =>
        TrackingWorld.WithDbAsync(_bot, db => db.PartnershipActivities.Where(a => a.PartnershipId == _partnershipId).ToDictionaryAsync(a => a.Number, a => a.Id));

    private Task<string> SnapshotAsync() => TrackingWorld.WithDbAsync(_bot, async db =>
        string.Join("|", await db.PartnershipActivities.OrderBy(a => a.Id).Select(a => $"{a.Id}/{a.Status}/{a.LastNote}").ToListAsync())
        + "#" + await db.ActivityUpdates.CountAsync() + "#" + await db.Partnerships.SumAsync(p => p.Version));
}
