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
    private const string TanakaUser = PartneringCities.TanakaUser;
    private BotWorld _world = null!;
    private PartneringCities _cities = null!;

    public async ValueTask InitializeAsync()
    {
        (_world, _cities) = await PartneringCities.StartAsync(teamsTokens: false);
        await _cities.LinkAsync("Nguyen Thi Lan", Channels.MsTeams, PartneringCities.LanUser, "aad-" + PartneringCities.LanUser);
        await _cities.LinkAsync("Tanaka Yuki", Channels.MsTeams, TanakaUser);
        foreach (var user in new[] { PartneringCities.LanUser, TanakaUser, PartneringCities.CoordinatorUser })
            await _world.Teams(user, locale: user == PartneringCities.LanUser ? "vi-VN" : "en-US", localTimezone: user == PartneringCities.CoordinatorUser ? "Asia/Bangkok" : null).SayAsync("hello");
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task RescheduleAndCancel_UpdateEveryCopyOfTheSameCard_AndAnswersForTheOldTimeNoLongerCount()
    {
        var id = await _cities.PartnershipAsync("Kitakyushu", "Hai Phong");
        var coordinator = _world.Teams(PartneringCities.CoordinatorUser, localTimezone: "Asia/Bangkok");
        var form = Assert.Single((await coordinator.SayAsync($"schedule launch meeting {id}")).Cards);
        await coordinator.PressAsync(form.Action(LaunchVerbs.Schedule), form, new Dictionary<string, string>(form.Inputs())
        {
            ["date"] = "2026-03-03", ["time"] = "09:00",
        });
        await _world.DeliverAllAsync();
        var topic = LaunchMeetingCards.Topic(id, 1);
        var lanCard = await _world.SentCardAsync(topic, PartneringCities.LanUser);
        var lan = _world.Teams(PartneringCities.LanUser, locale: "vi-VN");
        await lan.PressAsync(Rsvp(lanCard, "accept"), lanCard);
        await _world.DeliverAllAsync();

        // The coordinator moves it from their copy: every copy changes in place, answers start again, people are told.
        var coordinatorCard = await _world.SentCardAsync(topic, PartneringCities.CoordinatorUser);
        var moved = await coordinator.PressAsync(coordinatorCard.Action(LaunchVerbs.Reschedule), coordinatorCard,
            new Dictionary<string, string> { ["newDate"] = "2026-03-05", ["newTime"] = "14:00", ["newDuration"] = "90" });
        Assert.Contains("Thu 5 Mar 2026, 16:00 in Kitakyushu (Asia/Tokyo) · 14:00 in Hai Phong (Asia/Ho_Chi_Minh)", moved.InvokeCard.Text(), StringComparison.Ordinal);
        await _world.DeliverAllAsync();
        var lanUpdate = _world.LatestUpdateOf(await _world.OutboxCopyAsync(topic, PartneringCities.LanUser)).Text();
        Assert.Contains("Đã dời sang giờ mới: vui lòng trả lời lại", lanUpdate, StringComparison.Ordinal);
        Assert.Contains("Trả lời: 0 đồng ý · 0 từ chối · 0 đề xuất giờ khác", lanUpdate, StringComparison.Ordinal);
        Assert.Contains("Thứ Năm, 05/03/2026, 14:00 tại Hai Phong", lanUpdate, StringComparison.Ordinal);
        Assert.Contains(await _world.DeliveredToAsync(TanakaUser), a => a.Text?.Contains("has moved to Thu 5 Mar 2026, 16:00 (Asia/Tokyo)", StringComparison.Ordinal) == true);

        // An answer pressed on the old card is not taken for the new time.
        await lan.PressAsync(Rsvp(lanCard, "accept"), lanCard);
        Assert.Empty(await _world.QueryAsync(db => db.MeetingRsvps.Where(r => r.Revision == 1).ToListAsync()));

        // Cancelled: the same cards say so and offer nothing more.
        var cancel = coordinatorCard.Action(LaunchVerbs.Cancel);
        await coordinator.PressAsync(cancel, coordinatorCard);
        await _world.DeliverAllAsync();
        var cancelled = _world.LatestUpdateOf(await _world.OutboxCopyAsync(topic, TanakaUser));
        Assert.Contains("Cancelled", cancelled.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain(cancelled.Actions(), a => a.VerbOf() is LaunchVerbs.Rsvp or LaunchVerbs.Reschedule);
        Assert.Equal(PartnershipStatus.Confirmed, await _world.QueryAsync(db => db.Partnerships.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task TeamsCardRefresh_GivesEachReaderTheirOwnCurrentCopy_WithoutChangingAnything()
    {
        var id = await _cities.PartnershipAsync("Kitakyushu", "Hai Phong", p => p.ScheduleLaunch(PartnershipActor.Coordinator(PartneringCities.CoordinatorUser),
            new LaunchMeetingPlan(new DateTimeOffset(2026, 3, 3, 2, 0, 0, TimeSpan.Zero), 60, "Asia/Bangkok"), PartneringCities.Start));
        var version = await _world.QueryAsync(db => db.Partnerships.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());

        var lan = await _world.Teams(PartneringCities.LanUser, locale: "vi-VN").PostAsync(Refresh(id));
        var coordinator = await _world.Teams(PartneringCities.CoordinatorUser).PostAsync(Refresh(id));

        Assert.Contains("09:00 tại Hai Phong (Asia/Ho_Chi_Minh)", lan.InvokeCard.Text(), StringComparison.Ordinal);
        Assert.Contains(lan.InvokeCard!.Actions(), a => a.VerbOf() == LaunchVerbs.Rsvp);
        Assert.Contains(coordinator.InvokeCard!.Actions(), a => a.VerbOf() == LaunchVerbs.Reschedule);
        Assert.DoesNotContain(coordinator.InvokeCard!.Actions(), a => a.VerbOf() == LaunchVerbs.Rsvp);
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
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<SuggestionCards>().SendAsync(db, _cities.HaiphongApplication, TestContext.Current.CancellationToken));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await _world.DeliverAllAsync();
        var topic = SuggestionCards.Topic(_cities.HaiphongApplication);
        var card = await _world.SentCardAsync(topic, PartneringCities.CoordinatorUser);
        Assert.Contains("Mentor suggestions for Hai Phong", card.Text(), StringComparison.Ordinal);
        var sanDiego = await _world.QueryAsync(db => db.MatchSuggestions.SingleAsync(s => s.CandidateCityId == _cities["San Diego"].Id));
        var coordinator = _world.Teams(PartneringCities.CoordinatorUser);
        var reject = card.Action(MatchingVerbs.Reject, "suggestion", sanDiego.Id);

        var noReason = await coordinator.PressAsync(reject, card);
        Assert.Equal("Nothing was changed:\nplease give a reason.", noReason.Invoke?["value"]?.GetValue<string>());
        var rejected = await coordinator.PressAsync(reject, card, new Dictionary<string, string> { [SuggestionCards.ReasonInput(sanDiego.Id)] = "No working hours in common" });

        Assert.Contains("✖ Rejected: No working hours in common", rejected.InvokeCard.Text(), StringComparison.Ordinal);
        await _world.DeliverAllAsync();
        Assert.Contains("✖ Rejected: No working hours in common", _world.LatestUpdateOf(await _world.OutboxCopyAsync(topic, PartneringCities.CoordinatorUser)).Text(), StringComparison.Ordinal);
        Assert.Equal(MatchSuggestionStatus.Rejected, (await _world.QueryAsync(db => db.MatchSuggestions.SingleAsync(s => s.Id == sanDiego.Id))).Status);
    }

    [Fact]
    public async Task PairingByHand_CreatesAConfirmedPartnership_TellsTheRepresentatives_AndRefusesTheSamePairingTwice()
    {
        var coordinator = _world.Teams(PartneringCities.CoordinatorUser);
        var form = Assert.Single((await coordinator.SayAsync("pair cities")).Cards);
        var pair = new Dictionary<string, string>
        {
            ["mentor"] = Id("Taipei"), ["learning"] = Id("Hai Phong"), ["category"] = "bike-sharing", ["purpose"] = "Plan Hai Phong's public bike-sharing",
        };

        var sameCity = await coordinator.PressAsync(form.Action(MatchingVerbs.Pair), form, new Dictionary<string, string>(pair) { ["learning"] = Id("Taipei") });
        Assert.Contains("choose one mentor city and at least one other learning city, all approved.", sameCity.InvokeCard.Text(), StringComparison.Ordinal);
        Assert.Equal(0, await _world.QueryAsync(db => db.Partnerships.CountAsync()));

        var created = await coordinator.PressAsync(form.Action(MatchingVerbs.Pair), form, pair);
        Assert.Contains("New C3 partnership #1", created.InvokeCard.Text(), StringComparison.Ordinal);
        var partnership = await _world.QueryAsync(db => db.Partnerships.Include(p => p.Cities).SingleAsync());
        Assert.Equal((PartnershipStatus.Confirmed, _cities["Taipei"].Id, "bike-sharing"), (partnership.Status, partnership.MentorCityId, partnership.CategoryCode));
        await _world.DeliverAllAsync();
        Assert.Contains(await _world.DeliveredToAsync(PartneringCities.LanUser), a => a.Card().Text().Contains("Quan hệ đối tác C3 mới số 1", StringComparison.Ordinal));
        Assert.Contains(await _world.QueryAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()), a => a == "partnership.created");

        var again = await coordinator.PressAsync(form.Action(MatchingVerbs.Pair), form, pair);
        Assert.Contains("already partnered in this area (partnership #1)", again.InvokeCard.Text(), StringComparison.Ordinal);
        Assert.Equal(1, await _world.QueryAsync(db => db.Partnerships.CountAsync()));
    }

    [Fact]
    public async Task ChangesAfterAgreement_NeedEveryCityAgain_KeepTheActivities_AndTheHistory()
    {
        var id = await _cities.PartnershipAsync("Kitakyushu", "Hai Phong", p =>
        {
            var haiphong = _cities["Hai Phong"].Id;
            p.ProposeActionList(PartnershipActor.Coordinator(PartneringCities.CoordinatorUser), new ActionListDraft(
                [.. Enumerable.Range(1, 4).Select(i => new ActivityDraft($"Step {i}", null, haiphong, new DateOnly(2026, 3 + i, 1)))], new DateOnly(2026, 8, 1)),
                new DateOnly(2026, 2, 20), PartneringCities.Start);
            foreach (var name in new[] { "Nguyen Thi Lan", "Tanaka Yuki" })
                p.AgreeActionList(PartnershipActor.ForRepresentative(_cities.Representative(name), "seed"), 1, PartneringCities.Start);
        });
        var stepTwo = await _world.QueryAsync(db => db.PartnershipActivities.SingleAsync(a => a.PartnershipId == id && a.Number == 2));
        var tanaka = _world.Teams(TanakaUser);

        // Tanaka changes the agreed list: step 2 renamed, the rest kept.
        var agreed = Assert.Single((await tanaka.SayAsync("action list")).Cards);
        var editor = (await tanaka.PressAsync(agreed.Action(ActionListVerbs.Change), agreed)).Cards.Single();
        Assert.Contains("Changes agreed activity 2", editor.Text(), StringComparison.Ordinal);
        var inputs = editor.Inputs();
        inputs["a2_title"] = "Step 2, with the port authority";
        var proposed = await tanaka.PressAsync(editor.Action(ActionListVerbs.Propose), editor, inputs);
        Assert.Contains("Action list version 2 proposed", proposed.InvokeCard.Text(), StringComparison.Ordinal);

        // Still active on version 1 until both cities agree to version 2.
        var during = await _world.QueryAsync(db => db.Partnerships.AsNoTracking().WithAggregate().SingleAsync(p => p.Id == id));
        Assert.Equal((PartnershipStatus.Active, 1, 2), (during.Status, during.CurrentActionList?.Number, during.PendingActionList?.Number));
        Assert.Equal("Step 2", during.FindActivity(2)!.Title);

        await _world.DeliverAllAsync();
        var lan = _world.Teams(PartneringCities.LanUser, locale: "vi-VN");
        foreach (var (user, conversation) in new[] { (TanakaUser, tanaka), (PartneringCities.LanUser, lan) })
        {
            var card = await _world.SentCardAsync(ActionListCards.Topic(id, 2), user);
            await conversation.PressAsync(card.Action(ActionListVerbs.Agree), card);
        }

        var after = await _world.QueryAsync(db => db.Partnerships.AsNoTracking().WithAggregate().SingleAsync(p => p.Id == id));
        Assert.Equal((PartnershipStatus.Active, 2), (after.Status, after.CurrentActionList?.Number));
        Assert.Equal(ActionListStatus.Superseded, after.FindActionList(1)!.Status);
        var renamed = after.FindActivity(2)!;
        Assert.Equal((stepTwo.Id, "Step 2, with the port authority"), (renamed.Id, renamed.Title));
        await _world.DeliverAllAsync();
        var lanCard = _world.LatestUpdateOf(await _world.OutboxCopyAsync(ActionListCards.Topic(id, 2), PartneringCities.LanUser)).Text();
        Assert.Contains("Lịch sử: v1 thống nhất 20/02/2026 · v2 thống nhất 20/02/2026 (phiên bản này)", lanCard, StringComparison.Ordinal);
    }

    private string Id(string city) => _cities[city].Id.ToString(CultureInfo.InvariantCulture);

    private static JsonObject Rsvp(JsonObject card, string response) =>
        card.Actions().Single(a => a.VerbOf() == LaunchVerbs.Rsvp && (string?)a["data"]?["response"] == response);

    /// <summary>What Teams sends when a card with refresh is shown to a listed user.</summary>
    private static ActivityBuilder Refresh(int partnershipId) => ActivityBuilder.Execute(LaunchVerbs.Refresh)
        .Apply(a => a with { Value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb = LaunchVerbs.Refresh, data = new { partnership = partnershipId, meeting = 1 } }, trigger = "automatic" }) });
}
