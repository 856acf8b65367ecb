using System.Text.Json.Nodes;
using CcapBot.Domain;
using CcapBot.Features.ActionLists;
using CcapBot.Features.LaunchMeetings;
using CcapBot.Features.Matching;
using CcapBot.Protocol.Schema;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Tests.Features.Partnering;

/// <summary>
/// C3 steps 3–4 through the real endpoints: signed Teams activities on <c>/api/messages</c> for the coordinator and
/// Hai Phong's representatives, the local Direct Line (web chat) for Kitakyushu's. Suggestions → the coordinator
/// confirms Kitakyushu → both cities told → launch meeting scheduled → answers update everyone's card in place →
/// action list from the emissions-inventory template trimmed to 6 activities → both cities agree → active.
/// </summary>
public sealed class PartneringJourneyTests : IAsyncLifetime
{
    private BotWorld _world = null!;
    private PartneringCities _cities = null!;

    public async ValueTask InitializeAsync() => (_world, _cities) = await PartneringCities.StartAsync(teamsTokens: true);

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Coordinator_ConfirmsKitakyushu_SchedulesLaunch_AnswersUpdateCardsInPlace_ThenAgreedActionListMakesItActive()
    {
        var world = _world;
        // Hai Phong's first representative talks to the bot in Teams (Vietnamese); the second never has: the outbox opens a chat.
        var lan = world.Teams(PartneringCities.LanUser, locale: "vi-VN");
        await lan.SayAsync("xin chào");
        await _cities.LinkAsync("Nguyen Thi Lan", Channels.MsTeams, PartneringCities.LanUser, "aad-" + PartneringCities.LanUser);
        await _cities.LinkAsync("Tran Van Minh", Channels.MsTeams, PartneringCities.MinhUser);
        // Kitakyushu's representative uses the web chat.
        using var tanaka = await WebChatUser.StartAsync(world.Bot.BaseAddress, "en-US");
        await _cities.LinkAsync("Tanaka Yuki", Channels.WebChat, tanaka.UserId);
        var coordinator = world.Teams(PartneringCities.CoordinatorUser, localTimezone: "Asia/Bangkok");
        await coordinator.SayAsync("hello"); // the welcome comes first

        // 1. Suggestions, with a score and a reason per factor in the coordinator's language.
        var suggestions = await coordinator.SayAsync($"suggest mentors for #{_cities.HaiphongApplication}");
        var card = Assert.Single(suggestions.Cards);
        var text = card.Text();
        Assert.Contains("Mentor suggestions for Hai Phong", text, StringComparison.Ordinal);
        Assert.Contains("1. Kitakyushu (JP)", text, StringComparison.Ordinal);
        Assert.Contains("6 working hours overlap (2 h apart)", text, StringComparison.Ordinal);
        Assert.Contains("San Diego (US)", text, StringComparison.Ordinal);
        var kitakyushu = await world.QueryAsync(db => db.MatchSuggestions.SingleAsync(s => s.CandidateCityId == _cities["Kitakyushu"].Id));
        Assert.Equal(1, kitakyushu.Rank);

        // 2. Confirm Kitakyushu: the partnership exists, confirmed, mentor and learning city as suggested.
        var inputs = card.Inputs();
        Assert.Equal("emissions-inventory", inputs[SuggestionCards.CategoryInput(kitakyushu.Id)]);
        var confirmed = await coordinator.PressAsync(card.Action(MatchingVerbs.Confirm, "suggestion", kitakyushu.Id), card,
            new Dictionary<string, string> { [SuggestionCards.PurposeInput(kitakyushu.Id)] = "Hai Phong builds its first emissions inventory with Kitakyushu's help" });
        Assert.Contains("✔ Partnership #1 created with Kitakyushu.", confirmed.InvokeCard.Text(), StringComparison.Ordinal);
        var next = Assert.Single(confirmed.Cards);
        var partnership = await world.QueryAsync(db => db.Partnerships.Include(p => p.Cities).SingleAsync());
        Assert.Equal((PartnershipStatus.Confirmed, _cities["Kitakyushu"].Id, "emissions-inventory"), (partnership.Status, partnership.MentorCityId, partnership.CategoryCode));
        Assert.Equal([_cities["Hai Phong"].Id], partnership.LearningCityIds);
        Assert.Equal("Hai Phong builds its first emissions inventory with Kitakyushu's help", partnership.Purpose);
        Assert.Equal(MatchSuggestionStatus.Confirmed, (await world.QueryAsync(db => db.MatchSuggestions.SingleAsync(s => s.Id == kitakyushu.Id))).Status);

        // 3. Both cities are told, each representative in their language, including one the bot had never talked to.
        await world.DeliverAllAsync();
        Assert.Contains(world.Teams(PartneringCities.LanUser).Received, c => c.Activity.Card().Text().Contains("Quan hệ đối tác C3 mới số 1", StringComparison.Ordinal));
        var opened = Assert.Single(world.Connector.Calls, c => c.Method == "POST" && c.Path.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.Contains(PartneringCities.MinhUser, opened.Body, StringComparison.Ordinal);
        await tanaka.NewAsync();
        Assert.Contains(tanaka.Seen, a => a.Card().Text().Contains("New C3 partnership #1", StringComparison.Ordinal));

        // 4. The coordinator schedules the launch meeting in their own zone (Bangkok).
        var form = Assert.Single((await coordinator.PressAsync(next.Action(LaunchVerbs.Form), next)).Cards);
        Assert.Contains("Asia/Bangkok", form.Text(), StringComparison.Ordinal);
        var scheduled = await coordinator.PressAsync(form.Action(LaunchVerbs.Schedule), form, new Dictionary<string, string>
        {
            ["partnership"] = "1", ["date"] = "2026-03-03", ["time"] = "09:00", ["duration"] = "60",
            ["link"] = "https://meet.example/c3-launch", ["agenda"] = "Introductions; scope of the inventory",
        });
        Assert.Contains("Tue 3 Mar 2026, 09:00 your time (Asia/Bangkok)", scheduled.InvokeCard.Text(), StringComparison.Ordinal);
        var meeting = await world.QueryAsync(db => db.LaunchMeetings.SingleAsync());
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 2, 0, 0, TimeSpan.Zero), meeting.StartsAt);

        // 5. Everyone gets the invitation with the time in their own city first, and the other city's.
        await tanaka.NewAsync();
        await world.DeliverAllAsync();
        var topic = LaunchMeetingCards.Topic(1, 1);
        var lanInvitation = await InvitationAsync(PartneringCities.LanUser, topic);
        Assert.Contains("Thứ Ba, 03/03/2026, 09:00 tại Hai Phong (Asia/Ho_Chi_Minh) · 11:00 tại Kitakyushu (Asia/Tokyo)", lanInvitation.Text(), StringComparison.Ordinal);
        Assert.Equal([PartneringCities.CoordinatorUser, PartneringCities.LanUser, PartneringCities.MinhUser],
            lanInvitation["refresh"]!["userIds"]!.AsArray().Select(u => (string)u!).Order(StringComparer.Ordinal));
        Assert.Equal(LaunchVerbs.Refresh, (string?)lanInvitation["refresh"]!["action"]!["verb"]);
        var coordinatorInvitation = await InvitationAsync(PartneringCities.CoordinatorUser, topic);
        Assert.Contains("Tue 3 Mar 2026, 11:00 in Kitakyushu (Asia/Tokyo) · 09:00 in Hai Phong (Asia/Ho_Chi_Minh)", coordinatorInvitation.Text(), StringComparison.Ordinal);
        Assert.Contains("Your time: Tue 3 Mar 2026, 09:00 (Asia/Bangkok)", coordinatorInvitation.Text(), StringComparison.Ordinal);
        var tanakaInvitation = Assert.Single(await tanaka.NewAsync(),
            a => a.Card().Text().Contains("Launch meeting · partnership #1", StringComparison.Ordinal));
        var tanakaCard = tanakaInvitation.Card()!;
        Assert.Contains("Tue 3 Mar 2026, 11:00 in Kitakyushu (Asia/Tokyo) · 09:00 in Hai Phong (Asia/Ho_Chi_Minh)", tanakaCard.Text(), StringComparison.Ordinal);
        Assert.Null(tanakaCard["refresh"]); // web chat has no Universal Actions

        // 6. Lan accepts in Teams: her card changes at once, and every other copy is updated in place.
        var accepted = await lan.PressAsync(RsvpButton(lanInvitation, "accept"), lanInvitation);
        Assert.Contains("Trả lời: 1 đồng ý · 0 từ chối · 0 đề xuất giờ khác", accepted.InvokeCard.Text(), StringComparison.Ordinal);
        await tanaka.NewAsync();
        await world.DeliverAllAsync();
        var coordinatorCopy = await world.OutboxCopyAsync(topic, PartneringCities.CoordinatorUser);
        Assert.Contains("Answers: 1 accepted · 0 declined · 0 proposed another time", world.LatestUpdateOf(coordinatorCopy).Text(), StringComparison.Ordinal);
        Assert.Contains(world.Connector.Calls, c => c.Method == "PUT" && c.Path.Contains(Uri.EscapeDataString("a:haiphong-lan"), StringComparison.Ordinal));
        var tanakaUpdated = Assert.Single(await tanaka.NewAsync());
        Assert.Equal(tanakaInvitation.Id, tanakaUpdated.Id); // the same card, replaced where it stands
        Assert.Contains("Nguyen Thi Lan (Hai Phong)", tanakaUpdated.Card().Text(), StringComparison.Ordinal);

        // 7. Tanaka proposes another time in the web chat, in Kitakyushu's time.
        var propose = RsvpButton(tanakaCard, "propose");
        await tanaka.PressActionAsync(propose, tanakaInvitation.Id, new Dictionary<string, string> { ["proposeDate"] = "2026-03-04", ["proposeTime"] = "10:00" });
        await world.DeliverAllAsync();
        var latestText = world.LatestUpdateOf(coordinatorCopy).Text();
        Assert.Contains("Answers: 1 accepted · 0 declined · 1 proposed another time", latestText, StringComparison.Ordinal);
        Assert.Contains("proposes Wed 4 Mar 2026, 08:00 (Asia/Bangkok)", latestText, StringComparison.Ordinal);
        var rsvp = await world.QueryAsync(db => db.MeetingRsvps.SingleAsync(r => r.Response == RsvpResponse.ProposeTime));
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 1, 0, 0, TimeSpan.Zero), rsvp.ProposedStartsAt);

        // 8. Lan builds the action list from the emissions-inventory template, leaves one activity out: 6 activities.
        var start = Assert.Single((await lan.SayAsync("kế hoạch hành động")).Cards);
        var editor = (await lan.PressAsync(start.Actions().Single(a => a.VerbOf() == ActionListVerbs.Start && a["data"]?["scratch"] is null), start, new Dictionary<string, string> { ["template"] = "4" })).InvokeCard!;
        var rows = editor.Inputs();
        Assert.Equal("Xác định phạm vi", rows["a1_title"]);
        Assert.Equal(7, rows.Keys.Count(k => k.EndsWith("_title", StringComparison.Ordinal)));
        rows["a6_keep"] = "false";
        rows["a2_owner"] = _cities["Kitakyushu"].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var proposed = await lan.PressAsync(editor.Action(ActionListVerbs.Propose), editor, rows);
        Assert.Contains("Đã đề xuất phiên bản 1", proposed.InvokeCard.Text(), StringComparison.Ordinal);
        var version = await world.QueryAsync(db => db.ActionListVersions.Include(v => v.Items).SingleAsync());
        Assert.Equal(6, version.Items.Count);
        Assert.DoesNotContain(version.Items, i => i.TemplateActivityId == 406);
        Assert.Equal(_cities["Kitakyushu"].Id, version.Items.Single(i => i.Number == 2).OwnerCityId);

        // 9. Each city agrees on its card: Hai Phong in Teams, Kitakyushu in the web chat; then the partnership is active.
        await tanaka.NewAsync();
        await world.DeliverAllAsync();
        var listTopic = ActionListCards.Topic(1, 1);
        var lanList = await InvitationAsync(PartneringCities.LanUser, listTopic);
        var lanAgreed = await lan.PressAsync(lanList.Action(ActionListVerbs.Agree), lanList);
        Assert.Contains("1/2 thành phố đã đồng ý", lanAgreed.InvokeCard.Text(), StringComparison.Ordinal);
        Assert.Equal(PartnershipStatus.ActionListProposed, (await world.QueryAsync(db => db.Partnerships.SingleAsync())).Status);

        var tanakaList = Assert.Single(await tanaka.NewAsync(),
            a => a.Card().Text().Contains("Action list version 1", StringComparison.Ordinal));
        await tanaka.PressActionAsync(tanakaList.Card()!.Action(ActionListVerbs.Agree), tanakaList.Id);
        var active = await world.QueryAsync(db => db.Partnerships.Include(p => p.Activities).SingleAsync());
        Assert.Equal(PartnershipStatus.Active, active.Status);
        Assert.Equal(6, active.Activities.Count(a => a.RemovedAt == null));
        Assert.Equal(version.CompletionDate, active.CompletionDate);

        // Everyone is told, and every copy of the list shows the agreement.
        await world.DeliverAllAsync();
        Assert.Contains(await world.DeliveredToAsync(PartneringCities.MinhUser), a => a.Card().Text().Contains("Quan hệ đối tác số 1 đã bắt đầu thực hiện", StringComparison.Ordinal));
        var lanCopy = await world.OutboxCopyAsync(listTopic, PartneringCities.LanUser);
        Assert.Contains("Tất cả các thành phố đã đồng ý: quan hệ đối tác đang thực hiện", world.LatestUpdateOf(lanCopy).Text(), StringComparison.Ordinal);
        await tanaka.NewAsync();
        Assert.Contains(tanaka.Seen, a => a.Card().Text().Contains("Partnership #1 is active", StringComparison.Ordinal));
    }

    /// <summary>The card a Teams user was sent for <paramref name="topic"/>: their outbox copy, which the connector got.</summary>
    private async Task<JsonObject> InvitationAsync(string userId, string topic)
    {
        var copy = await _world.OutboxCopyAsync(topic, userId);
        Assert.NotNull(copy.SentActivityId);
        Assert.Contains(_world.Teams(userId).Received, c => c.Method == "POST" && c.Activity.Card() is not null);
        return await _world.SentCardAsync(topic, userId);
    }

    private static JsonObject RsvpButton(JsonObject card, string response) =>
        card.Actions().Single(a => a.VerbOf() == LaunchVerbs.Rsvp && (string?)a["data"]?["response"] == response);
}
