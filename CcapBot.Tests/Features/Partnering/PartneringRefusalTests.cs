using System.Globalization;
using System.Text.Json.Nodes;
using CcapBot.Domain;
using CcapBot.Features.ActionLists;
using CcapBot.Features.LaunchMeetings;
using CcapBot.Features.Matching;
using CcapBot.Protocol.Schema;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Tests.Features.Partnering;

/// <summary>One world for the refusal tests; each test works on a partnership of its own.</summary>
public sealed class PartneringRefusalFixture : IAsyncLifetime
{
    /// <summary>Someone who talks to the bot but represents no city.</summary>
    public const string Stranger = "29:stranger";

    public BotWorld World { get; private set; } = null!;
    public PartneringCities Cities { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        (World, Cities) = await PartneringCities.StartAsync(teamsTokens: false);
        await Cities.LinkAsync("Nguyen Thi Lan", Channels.MsTeams, PartneringCities.LanUser, "aad-" + PartneringCities.LanUser);
        await Cities.LinkAsync("Tanaka Yuki", Channels.MsTeams, PartneringCities.TanakaUser);
        await Cities.LinkAsync("Maria Lopez", Channels.MsTeams, PartneringCities.MariaUser);
        foreach (var user in new[] { PartneringCities.LanUser, PartneringCities.TanakaUser, PartneringCities.MariaUser, PartneringCities.CoordinatorUser, Stranger })
            await World.Teams(user).SayAsync("hello");
    }

    public ValueTask DisposeAsync() => World.DisposeAsync();
}

/// <summary>
/// What the C3 rules refuse, through the real endpoint: each refusal answers with a clear message in the user's
/// language, and nothing changes (no version, answer, agreement or meeting stored, no card sent).
/// </summary>
public sealed class PartneringRefusalTests(PartneringRefusalFixture fixture) : IClassFixture<PartneringRefusalFixture>
{
    private BotWorld World => fixture.World;
    private PartneringCities Cities => fixture.Cities;

    [Theory]
    [InlineData(3, "an action list needs at least 4 activities.")]
    [InlineData(9, "an action list has at most 8 activities.")]
    public async Task ActionList_WithTooFewOrTooManyActivities_IsRefused_AndNothingIsStored(int activities, string reason)
    {
        var id = await Cities.PartnershipAsync("Kitakyushu", "Hai Phong");
        var (lan, editor) = await EditorAsync(id);
        var inputs = editor.Inputs();
        while (inputs.Keys.Count(k => k.EndsWith("_title", StringComparison.Ordinal)) < activities)
        {
            editor = (await lan.PressAsync(editor.Action(ActionListVerbs.AddRow), editor, inputs)).InvokeCard!;
            inputs = editor.Inputs();
        }
        var rows = inputs.Keys.Count(k => k.EndsWith("_title", StringComparison.Ordinal));
        for (var row = activities + 1; row <= rows; row++) inputs[$"a{row}_keep"] = "false";
        for (var row = 1; row <= activities; row++) inputs[$"a{row}_title"] = inputs[$"a{row}_title"] is { Length: > 0 } t ? t : $"Activity {row}";
        inputs["completion"] = "2026-12-31";

        var reply = await lan.PressAsync(editor.Action(ActionListVerbs.Propose), editor, inputs);

        var card = reply.InvokeCard.Text();
        Assert.Contains("Nothing was changed:\n" + reason, card, StringComparison.Ordinal);
        await AssertNoActionListAsync(id);
        // What was entered stays on the card, to fix.
        Assert.Equal(inputs["a1_title"], reply.InvokeCard!.Inputs()["a1_title"]);
    }

    [Fact]
    public async Task ActionList_CompletingBeforeTheLastDueDate_IsRefused_AndNothingIsStored()
    {
        var id = await Cities.PartnershipAsync("Kitakyushu", "Hai Phong");
        var (lan, editor) = await EditorAsync(id);
        var inputs = editor.Inputs();
        inputs["a7_due"] = "2026-10-15";
        inputs["completion"] = "2026-10-01";

        var reply = await lan.PressAsync(editor.Action(ActionListVerbs.Propose), editor, inputs);

        Assert.Contains("the completion date is before the last due date.", reply.InvokeCard.Text(), StringComparison.Ordinal);
        await AssertNoActionListAsync(id);
    }

    [Fact]
    public async Task ActionList_WithADueDateInThePast_IsRefused_NamingTheActivity_AndNothingIsStored()
    {
        var id = await Cities.PartnershipAsync("Kitakyushu", "Hai Phong");
        var (lan, editor) = await EditorAsync(id);
        var inputs = editor.Inputs();
        inputs["a2_keep"] = "false"; // the domain counts included activities; the message names the row the user sees
        inputs["a3_due"] = "2026-02-01";

        var reply = await lan.PressAsync(editor.Action(ActionListVerbs.Propose), editor, inputs);

        Assert.Contains("Activity 3: the due date is in the past.", reply.InvokeCard.Text(), StringComparison.Ordinal);
        await AssertNoActionListAsync(id);
    }

    [Fact]
    public async Task ActionList_InVietnamese_IsRefusedInVietnamese()
    {
        var id = await Cities.PartnershipAsync("Kitakyushu", "Hai Phong");
        var (lan, editor) = await EditorAsync(id, "vi-VN");
        var inputs = editor.Inputs();
        inputs["a1_due"] = "2025-12-31";

        var reply = await lan.PressAsync(editor.Action(ActionListVerbs.Propose), editor, inputs);

        Assert.Contains("Không có gì thay đổi:\nHoạt động 1: hạn hoàn thành đã qua.", reply.InvokeCard.Text(), StringComparison.Ordinal);
        await AssertNoActionListAsync(id);
    }

    [Fact]
    public async Task ActionList_FromScratch_ByTheCoordinator_NeedsEveryTitle_ThenGoesToBothCities()
    {
        var id = await Cities.PartnershipAsync("Kitakyushu", "Hai Phong");
        var coordinator = World.Teams(PartneringCities.CoordinatorUser);
        var start = Assert.Single((await coordinator.SayAsync($"action list {id}")).Cards);
        var scratch = start.Actions().Single(a => a.VerbOf() == ActionListVerbs.Start && a["data"]?["scratch"] is not null);
        var editor = (await coordinator.PressAsync(scratch, start)).InvokeCard!;
        var inputs = editor.Inputs();
        Assert.Equal(4, inputs.Keys.Count(k => k.EndsWith("_title", StringComparison.Ordinal)));
        inputs["a1_title"] = "Agree the inventory's scope";

        var untitled = await coordinator.PressAsync(editor.Action(ActionListVerbs.Propose), editor, inputs);

        var refusal = untitled.InvokeCard.Text();
        Assert.Contains("Activity 2: the activity needs a title.\nActivity 3: the activity needs a title.\nActivity 4: the activity needs a title.", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("Activity 1:", refusal, StringComparison.Ordinal);
        await AssertNoActionListAsync(id);

        foreach (var row in new[] { 2, 3, 4 }) inputs[$"a{row}_title"] = $"Step {row}";
        var proposed = await coordinator.PressAsync(untitled.InvokeCard!.Action(ActionListVerbs.Propose), untitled.InvokeCard!, inputs);

        Assert.Contains("Action list version 1 proposed", proposed.InvokeCard.Text(), StringComparison.Ordinal);
        var version = await World.QueryAsync(db => db.ActionListVersions.Include(v => v.Items).SingleAsync(v => v.PartnershipId == id));
        Assert.Equal((null, 4), (version.ProposedByCityId, version.Items.Count)); // a coordinator's proposal
        var copies = await World.QueryAsync(db => db.OutboxMessages.Where(m => m.Topic == ActionListCards.Topic(id, 1)).Select(m => m.UserId).ToListAsync());
        Assert.Equal([PartneringCities.CoordinatorUser, PartneringCities.LanUser, PartneringCities.TanakaUser], copies.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(PartneringCities.MariaUser)]
    [InlineData(PartneringRefusalFixture.Stranger)]
    public async Task Rsvp_BySomeoneOutsideThePartnership_IsRefused_AndNotCounted(string user)
    {
        var id = await Cities.PartnershipAsync("Kitakyushu", "Hai Phong", p => p.ScheduleLaunch(PartnershipActor.Coordinator(PartneringCities.CoordinatorUser),
            new LaunchMeetingPlan(PartneringCities.Start.AddDays(10), 60, "Asia/Bangkok"), PartneringCities.Start));
        var before = await VersionAsync(id);

        var reply = await World.Teams(user).InvokeAsync(LaunchVerbs.Rsvp, new { partnership = id, meeting = 1, revision = 0, response = "accept" });

        Assert.Equal("Nothing was changed:\nonly a representative of a city in this partnership can do this.", reply.Message);
        Assert.Equal(0, await World.QueryAsync(db => db.MeetingRsvps.CountAsync(r => db.LaunchMeetings.Any(m => m.Id == r.LaunchMeetingId && m.PartnershipId == id))));
        Assert.Equal(before, await VersionAsync(id));
        Assert.Equal(0, await World.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Topic == LaunchMeetingCards.Topic(id, 1))));
    }

    [Theory]
    [InlineData(PartneringCities.MariaUser)]
    [InlineData(PartneringCities.CoordinatorUser)] // a coordinator proposes, but only a city agrees for itself
    public async Task Agreement_BySomeoneOutsideThePartnership_IsRefused_AndNotRecorded(string user)
    {
        var id = await Cities.PartnershipAsync("Kitakyushu", "Hai Phong", p => p.ProposeActionList(PartnershipActor.Coordinator(PartneringCities.CoordinatorUser),
            new ActionListDraft([.. Enumerable.Range(1, 4).Select(i => new ActivityDraft($"Step {i}", null, Cities["Hai Phong"].Id, new DateOnly(2026, 3 + i, 1)))],
                new DateOnly(2026, 8, 1)), new DateOnly(2026, 2, 20), PartneringCities.Start));
        var before = await VersionAsync(id);

        var reply = await World.Teams(user).InvokeAsync(ActionListVerbs.Agree, new { partnership = id, version = 1 });

        Assert.Equal("Nothing was changed:\nonly a representative of a city in this partnership can do this.", reply.Message);
        Assert.Equal(0, await World.QueryAsync(db => db.ActionListVersions.Where(v => v.PartnershipId == id).SelectMany(v => v.Agreements).CountAsync()));
        var after = await World.QueryAsync(db => db.Partnerships.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal((PartnershipStatus.ActionListProposed, before), (after.Status, after.Version));
    }

    [Fact]
    public async Task Scheduling_ByARepresentative_IsRefused_ByCommandAndByCard_AndNothingIsScheduled()
    {
        var id = await Cities.PartnershipAsync("Kitakyushu", "Hai Phong");
        var lan = World.Teams(PartneringCities.LanUser);

        var typed = await lan.SayAsync($"schedule launch meeting for partnership {id}");
        var pressed = await lan.InvokeAsync(LaunchVerbs.Schedule, new
        {
            partnership = id.ToString(CultureInfo.InvariantCulture), date = "2026-03-03", time = "09:00", duration = "60", zone = "Asia/Ho_Chi_Minh",
        });

        const string Refusal = "Nothing was changed:\nonly a Clean Air Asia coordinator can do this.";
        Assert.Equal([Refusal], typed.Texts);
        Assert.Equal(Refusal, pressed.Message);
        Assert.Equal(0, await World.QueryAsync(db => db.LaunchMeetings.CountAsync(m => m.PartnershipId == id)));
        Assert.Equal(PartnershipStatus.Confirmed, await World.QueryAsync(db => db.Partnerships.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));
    }

    [Theory]
    [InlineData(LaunchVerbs.Reschedule)]
    [InlineData(LaunchVerbs.Cancel)]
    public async Task MovingOrCancellingTheMeeting_ByARepresentative_IsRefused_AndTheMeetingStays(string verb)
    {
        var startsAt = PartneringCities.Start.AddDays(10);
        var id = await Cities.PartnershipAsync("Kitakyushu", "Hai Phong", p => p.ScheduleLaunch(PartnershipActor.Coordinator(PartneringCities.CoordinatorUser),
            new LaunchMeetingPlan(startsAt, 60, "Asia/Bangkok"), PartneringCities.Start));

        var reply = await World.Teams(PartneringCities.LanUser).InvokeAsync(verb,
            new { partnership = id, meeting = 1, zone = "Asia/Ho_Chi_Minh", newDate = "2026-03-10", newTime = "10:00", newDuration = "60" });

        Assert.Equal("Nothing was changed:\nonly a Clean Air Asia coordinator can do this.", reply.Message);
        var meeting = await World.QueryAsync(db => db.LaunchMeetings.AsNoTracking().SingleAsync(m => m.PartnershipId == id));
        Assert.Equal((LaunchMeetingStatus.Scheduled, startsAt, 0), (meeting.Status, meeting.StartsAt, meeting.Revision));
    }

    [Fact]
    public async Task Scheduling_InThePast_ComesBackWithTheReasonAndTheValues_AndNothingIsScheduled()
    {
        var id = await Cities.PartnershipAsync("Kitakyushu", "Hai Phong");
        var coordinator = World.Teams(PartneringCities.CoordinatorUser, localTimezone: "Asia/Bangkok");
        var form = Assert.Single((await coordinator.SayAsync($"schedule launch meeting {id}")).Cards);
        var inputs = form.Inputs();
        Assert.Equal(id.ToString(CultureInfo.InvariantCulture), inputs["partnership"]);
        inputs["date"] = "2026-02-19";
        inputs["agenda"] = "Kick-off";

        var reply = await coordinator.PressAsync(form.Action(LaunchVerbs.Schedule), form, inputs);

        Assert.Contains("Nothing was changed:\nthe meeting time is in the past.", reply.InvokeCard.Text(), StringComparison.Ordinal);
        Assert.Equal("Kick-off", reply.InvokeCard!.Inputs()["agenda"]);
        Assert.Equal(0, await World.QueryAsync(db => db.LaunchMeetings.CountAsync(m => m.PartnershipId == id)));
    }

    [Fact]
    public async Task Confirming_ASuggestion_ByARepresentative_IsRefused()
    {
        var lan = World.Teams(PartneringCities.LanUser);

        var typed = await lan.SayAsync($"suggest mentors for {Cities.HaiphongApplication}");
        var pressed = await lan.InvokeAsync(MatchingVerbs.Confirm, new { suggestion = 1 });

        Assert.Equal(["Nothing was changed:\nonly a Clean Air Asia coordinator can do this."], typed.Texts);
        Assert.Equal("Nothing was changed:\nonly a Clean Air Asia coordinator can do this.", pressed.Message);
        Assert.Equal(0, await World.QueryAsync(db => db.MatchSuggestions.CountAsync(s => s.Status != MatchSuggestionStatus.Suggested)));
    }

    /// <summary>Lan opens the action list of the partnership and starts from the emissions-inventory list (7 activities).</summary>
    private async Task<(BotConversation Lan, JsonObject Editor)> EditorAsync(int partnershipId, string locale = "en-US")
    {
        var lan = World.Teams(PartneringCities.LanUser, locale: locale);
        var start = Assert.Single((await lan.SayAsync($"action list {partnershipId}")).Cards);
        var use = start.Actions().Single(a => a.VerbOf() == ActionListVerbs.Start && a["data"]?["scratch"] is null);
        var editor = (await lan.PressAsync(use, start, new Dictionary<string, string> { ["template"] = "4" })).InvokeCard!;
        Assert.Equal(7, editor.Inputs().Keys.Count(k => k.EndsWith("_title", StringComparison.Ordinal)));
        return (lan, editor);
    }

    private async Task AssertNoActionListAsync(int partnershipId)
    {
        Assert.Equal(0, await World.QueryAsync(db => db.ActionListVersions.CountAsync(v => v.PartnershipId == partnershipId)));
        Assert.Equal(PartnershipStatus.Confirmed, await World.QueryAsync(db => db.Partnerships.Where(p => p.Id == partnershipId).Select(p => p.Status).SingleAsync()));
        Assert.Equal(0, await World.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Topic == ActionListCards.Topic(partnershipId, 1))));
    }

    private Task<int> VersionAsync(int partnershipId) => World.QueryAsync(db => db.Partnerships.Where(p => p.Id == partnershipId).Select(p => p.Version).SingleAsync());
}
