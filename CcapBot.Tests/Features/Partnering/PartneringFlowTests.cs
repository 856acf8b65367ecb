using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CcapBot.Domain;
using CcapBot.Features.ActionLists;
using CcapBot.Features.LaunchMeetings;
using CcapBot.Features.Matching;
using CcapBot.Persistence;
using CcapBot.Protocol.Schema;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CcapBot.Tests.Features.Partnering;

/// <summary>The rest of steps 3–4 through the real endpoint (Teams-shaped activities), each test on a world of its own.</summary>
public sealed class PartneringFlowTests : IAsyncLifetime
{
    private const string TanakaUser = "29:kitakyushu-tanaka";
    private PartneringWorld _world = null!;

    public async ValueTask InitializeAsync()
    {
        _world = await PartneringWorld.StartAsync(teamsTokens: false);
        await _world.LinkAsync("Nguyen Thi Lan", Channels.MsTeams, PartneringWorld.LanUser, "aad-" + PartneringWorld.LanUser);
        await _world.LinkAsync("Tanaka Yuki", Channels.MsTeams, TanakaUser);
        foreach (var user in new[] { PartneringWorld.LanUser, TanakaUser, PartneringWorld.CoordinatorUser })
            await _world.Teams(user, user == PartneringWorld.LanUser ? "vi-VN" : "en-US", user == PartneringWorld.CoordinatorUser ? "Asia/Bangkok" : null).SayAsync("hello");
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task RescheduleAndCancel_UpdateEveryCopyOfTheSameCard_AndAnswersForTheOldTimeNoLongerCount()
    {
        var id = await _world.PartnershipAsync("Kitakyushu", "Hai Phong");
        var coordinator = _world.Teams(PartneringWorld.CoordinatorUser, timeZone: "Asia/Bangkok");
        var form = Assert.Single((await coordinator.SayAsync($"schedule launch meeting {id}")).Cards);
        await coordinator.PressAsync(PartneringWorld.Action(form, LaunchVerbs.Schedule), form, new Dictionary<string, string>(PartneringWorld.InputsOf(form))
        {
            ["date"] = "2026-03-03", ["time"] = "09:00",
        });
        await _world.DeliverAsync();
        var topic = LaunchMeetingCards.Topic(id, 1);
        var lanCard = await SentCardAsync(topic, PartneringWorld.LanUser);
        var lan = _world.Teams(PartneringWorld.LanUser, "vi-VN");
        await lan.PressAsync(Rsvp(lanCard, "accept"), lanCard);
        await _world.DeliverAsync();

        // The coordinator moves it from their copy: every copy changes in place, answers start again, people are told.
        var coordinatorCard = await SentCardAsync(topic, PartneringWorld.CoordinatorUser);
        var moved = await coordinator.PressAsync(PartneringWorld.Action(coordinatorCard, LaunchVerbs.Reschedule), coordinatorCard,
            new Dictionary<string, string> { ["newDate"] = "2026-03-05", ["newTime"] = "14:00", ["newDuration"] = "90" });
        Assert.Contains("Thu 5 Mar 2026, 16:00 in Kitakyushu (Asia/Tokyo) · 14:00 in Hai Phong (Asia/Ho_Chi_Minh)", PartneringWorld.TextOf(moved.InvokeCard), StringComparison.Ordinal);
        await _world.DeliverAsync();
        var lanUpdate = LatestUpdate(await _world.CopyAsync(topic, PartneringWorld.LanUser));
        Assert.Contains("Đã dời sang giờ mới: vui lòng trả lời lại", lanUpdate, StringComparison.Ordinal);
        Assert.Contains("Trả lời: 0 đồng ý · 0 từ chối · 0 đề xuất giờ khác", lanUpdate, StringComparison.Ordinal);
        Assert.Contains("Thứ Năm, 05/03/2026, 14:00 tại Hai Phong", lanUpdate, StringComparison.Ordinal);
        Assert.Contains(await _world.DeliveredToAsync(TanakaUser), a => a.Text?.Contains("has moved to Thu 5 Mar 2026, 16:00 (Asia/Tokyo)", StringComparison.Ordinal) == true);

        // An answer pressed on the old card is not taken for the new time.
        await lan.PressAsync(Rsvp(lanCard, "accept"), lanCard);
        Assert.Empty(await _world.QueryAsync(db => db.MeetingRsvps.Where(r => r.Revision == 1).ToListAsync()));

        // Cancelled: the same cards say so and offer nothing more.
        var cancel = PartneringWorld.Action(coordinatorCard, LaunchVerbs.Cancel);
        await coordinator.PressAsync(cancel, coordinatorCard);
        await _world.DeliverAsync();
        var cancelled = LatestUpdateCard(await _world.CopyAsync(topic, TanakaUser));
        Assert.Contains("Cancelled", PartneringWorld.TextOf(cancelled), StringComparison.Ordinal);
        Assert.DoesNotContain(PartneringWorld.AllActions(cancelled), a => PartneringWorld.VerbOf(a) is LaunchVerbs.Rsvp or LaunchVerbs.Reschedule);
        Assert.Equal(PartnershipStatus.Confirmed, await _world.QueryAsync(db => db.Partnerships.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task TeamsCardRefresh_GivesEachReaderTheirOwnCurrentCopy_WithoutChangingAnything()
    {
        var id = await _world.PartnershipAsync("Kitakyushu", "Hai Phong", p => p.ScheduleLaunch(PartnershipActor.Coordinator(PartneringWorld.CoordinatorUser),
            new LaunchMeetingPlan(new DateTimeOffset(2026, 3, 3, 2, 0, 0, TimeSpan.Zero), 60, "Asia/Bangkok"), PartneringWorld.Start));
        var version = await _world.QueryAsync(db => db.Partnerships.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());

        var lan = await _world.Teams(PartneringWorld.LanUser, "vi-VN").PostAsync(Refresh(PartneringWorld.LanUser, id, "vi-VN"));
        var coordinator = await _world.Teams(PartneringWorld.CoordinatorUser).PostAsync(Refresh(PartneringWorld.CoordinatorUser, id));

        Assert.Contains("09:00 tại Hai Phong (Asia/Ho_Chi_Minh)", PartneringWorld.TextOf(lan.InvokeCard), StringComparison.Ordinal);
        Assert.Contains(PartneringWorld.AllActions(lan.InvokeCard!), a => PartneringWorld.VerbOf(a) == LaunchVerbs.Rsvp);
        Assert.Contains(PartneringWorld.AllActions(coordinator.InvokeCard!), a => PartneringWorld.VerbOf(a) == LaunchVerbs.Reschedule);
        Assert.DoesNotContain(PartneringWorld.AllActions(coordinator.InvokeCard!), a => PartneringWorld.VerbOf(a) == LaunchVerbs.Rsvp);
        Assert.Equal(version, await _world.QueryAsync(db => db.Partnerships.Where(p => p.Id == id).Select(p => p.Version).SingleAsync()));
        Assert.DoesNotContain(_world.Connector.Calls, c => c.Method == "PUT");
    }

    [Fact]
    public async Task SuggestionsSentOnApproval_ReachEveryCoordinator_AndARejectionUpdatesTheirCopies()
    {
        // What registration calls when it approves a learning application.
        await using (var scope = _world.Bot.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CcapDbContext>();
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<SuggestionCards>().SendAsync(db, _world.HaiphongApplication, TestContext.Current.CancellationToken));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await _world.DeliverAsync();
        var topic = SuggestionCards.Topic(_world.HaiphongApplication);
        var card = await SentCardAsync(topic, PartneringWorld.CoordinatorUser);
        Assert.Contains("Mentor suggestions for Hai Phong", PartneringWorld.TextOf(card), StringComparison.Ordinal);
        var sanDiego = await _world.QueryAsync(db => db.MatchSuggestions.SingleAsync(s => s.CandidateCityId == _world.Cities["San Diego"].Id));
        var coordinator = _world.Teams(PartneringWorld.CoordinatorUser);
        var reject = PartneringWorld.Action(card, MatchingVerbs.Reject, "suggestion", sanDiego.Id);

        var noReason = await coordinator.PressAsync(reject, card);
        Assert.Equal("Nothing was changed:\nplease give a reason.", noReason.Invoke?["value"]?.GetValue<string>());
        var rejected = await coordinator.PressAsync(reject, card, new Dictionary<string, string> { [SuggestionCards.ReasonInput(sanDiego.Id)] = "No working hours in common" });

        Assert.Contains("✖ Rejected: No working hours in common", PartneringWorld.TextOf(rejected.InvokeCard), StringComparison.Ordinal);
        await _world.DeliverAsync();
        Assert.Contains("✖ Rejected: No working hours in common", LatestUpdate(await _world.CopyAsync(topic, PartneringWorld.CoordinatorUser)), StringComparison.Ordinal);
        Assert.Equal(MatchSuggestionStatus.Rejected, (await _world.QueryAsync(db => db.MatchSuggestions.SingleAsync(s => s.Id == sanDiego.Id))).Status);
    }

    [Fact]
    public async Task PairingByHand_CreatesAConfirmedPartnership_TellsTheRepresentatives_AndRefusesTheSamePairingTwice()
    {
        var coordinator = _world.Teams(PartneringWorld.CoordinatorUser);
        var form = Assert.Single((await coordinator.SayAsync("pair cities")).Cards);
        var pair = new Dictionary<string, string>
        {
            ["mentor"] = Id("Taipei"), ["learning"] = Id("Hai Phong"), ["category"] = "bike-sharing", ["purpose"] = "Plan Hai Phong's public bike-sharing",
        };

        var sameCity = await coordinator.PressAsync(PartneringWorld.Action(form, MatchingVerbs.Pair), form, new Dictionary<string, string>(pair) { ["learning"] = Id("Taipei") });
        Assert.Contains("choose one mentor city and at least one other learning city, all approved.", PartneringWorld.TextOf(sameCity.InvokeCard), StringComparison.Ordinal);
        Assert.Equal(0, await _world.QueryAsync(db => db.Partnerships.CountAsync()));

        var created = await coordinator.PressAsync(PartneringWorld.Action(form, MatchingVerbs.Pair), form, pair);
        Assert.Contains("New C3 partnership #1", PartneringWorld.TextOf(created.InvokeCard), StringComparison.Ordinal);
        var partnership = await _world.QueryAsync(db => db.Partnerships.Include(p => p.Cities).SingleAsync());
        Assert.Equal((PartnershipStatus.Confirmed, _world.Cities["Taipei"].Id, "bike-sharing"), (partnership.Status, partnership.MentorCityId, partnership.CategoryCode));
        await _world.DeliverAsync();
        Assert.Contains(await _world.DeliveredToAsync(PartneringWorld.LanUser), a => PartneringWorld.TextOf(PartneringWorld.CardOf(a)).Contains("Quan hệ đối tác C3 mới số 1", StringComparison.Ordinal));
        Assert.Contains(await _world.QueryAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()), a => a == "partnership.created");

        var again = await coordinator.PressAsync(PartneringWorld.Action(form, MatchingVerbs.Pair), form, pair);
        Assert.Contains("already partnered in this area (partnership #1)", PartneringWorld.TextOf(again.InvokeCard), StringComparison.Ordinal);
        Assert.Equal(1, await _world.QueryAsync(db => db.Partnerships.CountAsync()));
    }

    [Fact]
    public async Task ChangesAfterAgreement_NeedEveryCityAgain_KeepTheActivities_AndTheHistory()
    {
        var id = await _world.PartnershipAsync("Kitakyushu", "Hai Phong", p =>
        {
            var haiphong = _world.Cities["Hai Phong"].Id;
            p.ProposeActionList(PartnershipActor.Coordinator(PartneringWorld.CoordinatorUser), new ActionListDraft(
                [.. Enumerable.Range(1, 4).Select(i => new ActivityDraft($"Step {i}", null, haiphong, new DateOnly(2026, 3 + i, 1)))], new DateOnly(2026, 8, 1)),
                new DateOnly(2026, 2, 20), PartneringWorld.Start);
            foreach (var name in new[] { "Nguyen Thi Lan", "Tanaka Yuki" })
                p.AgreeActionList(PartnershipActor.ForRepresentative(_world.Representatives[name], "seed"), 1, PartneringWorld.Start);
        });
        var stepTwo = await _world.QueryAsync(db => db.PartnershipActivities.SingleAsync(a => a.PartnershipId == id && a.Number == 2));
        var tanaka = _world.Teams(TanakaUser);

        // Tanaka changes the agreed list: step 2 renamed, the rest kept.
        var agreed = Assert.Single((await tanaka.SayAsync("action list")).Cards);
        var editor = (await tanaka.PressAsync(PartneringWorld.Action(agreed, ActionListVerbs.Change), agreed)).Cards.Single();
        Assert.Contains("Changes agreed activity 2", PartneringWorld.TextOf(editor), StringComparison.Ordinal);
        var inputs = PartneringWorld.InputsOf(editor);
        inputs["a2_title"] = "Step 2, with the port authority";
        var proposed = await tanaka.PressAsync(PartneringWorld.Action(editor, ActionListVerbs.Propose), editor, inputs);
        Assert.Contains("Action list version 2 proposed", PartneringWorld.TextOf(proposed.InvokeCard), StringComparison.Ordinal);

        // Still active on version 1 until both cities agree to version 2.
        var during = await _world.QueryAsync(db => db.Partnerships.AsNoTracking().WithAggregate().SingleAsync(p => p.Id == id));
        Assert.Equal((PartnershipStatus.Active, 1, 2), (during.Status, during.CurrentActionList?.Number, during.PendingActionList?.Number));
        Assert.Equal("Step 2", during.FindActivity(2)!.Title);

        await _world.DeliverAsync();
        var lan = _world.Teams(PartneringWorld.LanUser, "vi-VN");
        foreach (var (user, conversation) in new[] { (TanakaUser, tanaka), (PartneringWorld.LanUser, lan) })
        {
            var card = await SentCardAsync(ActionListCards.Topic(id, 2), user);
            await conversation.PressAsync(PartneringWorld.Action(card, ActionListVerbs.Agree), card);
        }

        var after = await _world.QueryAsync(db => db.Partnerships.AsNoTracking().WithAggregate().SingleAsync(p => p.Id == id));
        Assert.Equal((PartnershipStatus.Active, 2), (after.Status, after.CurrentActionList?.Number));
        Assert.Equal(ActionListStatus.Superseded, after.FindActionList(1)!.Status);
        var renamed = after.FindActivity(2)!;
        Assert.Equal((stepTwo.Id, "Step 2, with the port authority"), (renamed.Id, renamed.Title));
        await _world.DeliverAsync();
        var lanCard = LatestUpdate(await _world.CopyAsync(ActionListCards.Topic(id, 2), PartneringWorld.LanUser));
        Assert.Contains("Lịch sử: v1 thống nhất 20/02/2026 · v2 thống nhất 20/02/2026 (phiên bản này)", lanCard, StringComparison.Ordinal);
    }

    private string Id(string city) => _world.Cities[city].Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The card the outbox sent a user for <paramref name="topic"/> (their copy as first sent).</summary>
    private async Task<JsonObject> SentCardAsync(string topic, string userId) =>
        PartneringWorld.CardOf(JsonSerializer.Deserialize((await _world.CopyAsync(topic, userId)).Activity, ProtocolJsonContext.Default.Activity))!;

    /// <summary>The last in-place update of a copy the connector received.</summary>
    private JsonObject LatestUpdateCard(OutboxMessage copy) =>
        PartneringWorld.CardOf(_world.Connector.Calls.Last(c => c.Method == "PUT" && c.Path.EndsWith("/activities/" + copy.SentActivityId, StringComparison.Ordinal)).Activity)!;

    private string LatestUpdate(OutboxMessage copy) => PartneringWorld.TextOf(LatestUpdateCard(copy));

    private static JsonObject Rsvp(JsonObject card, string response) =>
        PartneringWorld.AllActions(card).Single(a => PartneringWorld.VerbOf(a) == LaunchVerbs.Rsvp && (string?)a["data"]?["response"] == response);

    /// <summary>What Teams sends when a card with refresh is shown to a listed user.</summary>
    private Activity Refresh(string user, int partnershipId, string locale = "en-US") => ActivityBuilder.Execute(LaunchVerbs.Refresh, new { partnership = partnershipId, meeting = 1 })
        .To(_world.Connector.ServiceUrl).From(user, user, "aad-" + user).InConversation("a:" + user[3..]).WithLocale(locale)
        .Apply(a => a with { Value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb = LaunchVerbs.Refresh, data = new { partnership = partnershipId, meeting = 1 } }, trigger = "automatic" }) })
        .Build();
}
