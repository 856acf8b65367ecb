using CcapBot.Domain;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Tests.Features.Tracking;

/// <summary>Status updates in words, from the sentence to the stored change: confirm, refuse, choose, and who may.</summary>
public sealed class StatusUpdateFlowTests : IAsyncLifetime
{
    private readonly StatusUpdateWorld _world = new();

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task UpdateInWords_ReadBack_ThenYes_IsStoredWithItsHistory_AndTheCardShowsTheOutcome()
    {
        var user = await _world.ConversationAsync(_world.Hcm);

        var question = await user.SayAsync("activity 2 done: questionnaire returned by all port operators");
        Assert.Contains("Set activity 2 to Done?", question.All, StringComparison.Ordinal);
        Assert.Contains("Not started → Done", question.All, StringComparison.Ordinal);
        var answer = await user.PressAsync("Yes, save");

        Assert.Contains("✔ Saved: #2 Port emissions questionnaire is now Done.", answer.InvokeCard.Text(), StringComparison.Ordinal);
        Assert.Empty(answer.InvokeCard!.Actions());
        var activity = await ActivityAsync(2);
        Assert.Equal((ActivityStatus.Done, "questionnaire returned by all port operators"), (activity.Status, activity.LastNote));
        var update = await _world.Bot.QueryAsync(db => db.ActivityUpdates.SingleAsync(u => u.ActivityId == activity.Id));
        Assert.Equal(("29:hcm", "msteams", ActivityStatus.NotStarted, ActivityStatus.Done, _world.Hcm.RepresentativeId), (update.By, update.Channel, update.FromStatus, update.ToStatus, update.RepresentativeId));
        Assert.Null(await _world.ProposalAsync(user.ConversationId));
        // The button again (a double click) changes nothing more.
        var again = await user.PressAsync("Yes, save", card: question.Calls[^1].Activity.Card());
        Assert.Contains("no longer open", again.All, StringComparison.Ordinal);
        Assert.Equal(1, await _world.Bot.QueryAsync(db => db.ActivityUpdates.CountAsync()));
    }

    [Fact]
    public async Task TypedYes_Stores_AndTypedNo_StoresNothing()
    {
        var user = await _world.ConversationAsync(_world.Hcm, "vi-VN");
        await user.SayAsync("hoạt động 3 đang làm: đã gửi phiếu hỏi");
        var saved = await user.SayAsync("có");
        Assert.Contains("Đã lưu", saved.All, StringComparison.Ordinal);
        Assert.Equal((ActivityStatus.InProgress, "đã gửi phiếu hỏi"), ((await ActivityAsync(3)).Status, (await ActivityAsync(3)).LastNote));

        var before = await _world.SnapshotAsync();
        await user.SayAsync("hoạt động 4 bị vướng");
        var refused = await user.SayAsync("không");
        Assert.Contains("không có gì thay đổi", refused.All, StringComparison.Ordinal);
        Assert.Equal(before, await _world.SnapshotAsync());
        Assert.Null(await _world.ProposalAsync(user.ConversationId));
    }

    [Fact]
    public async Task Ambiguous_AsksWhich_ThenTheChoiceIsReadBack_BeforeItIsStored()
    {
        var user = await _world.ConversationAsync(_world.Hcm);
        var question = await user.SayAsync("emissions done");
        Assert.Contains("Several activities match", question.All, StringComparison.Ordinal);
        Assert.Equal(["#1 Emissions inventory of industrial zones", "#2 Port emissions questionnaire", "None of these"],
            user.LastCard!.Actions().Select(a => (string?)a["title"]));

        var readBack = await user.PressAsync("#1 Emissions inventory of industrial zones");
        Assert.Contains("Set activity 1 to Done?", readBack.InvokeCard.Text(), StringComparison.Ordinal);
        Assert.Equal(ActivityStatus.NotStarted, (await ActivityAsync(1)).Status);
        await user.PressAsync("Yes, save");

        Assert.Equal(ActivityStatus.Done, (await ActivityAsync(1)).Status);
        Assert.Equal(ActivityStatus.NotStarted, (await ActivityAsync(2)).Status);
    }

    [Fact]
    public async Task Unknown_ListsTheActivities_AndATypedNumberChoosesOne()
    {
        var user = await _world.ConversationAsync(_world.Hcm);
        var question = await user.SayAsync("the budget is blocked: ministry has not replied");
        Assert.Contains("I couldn't tell which activity you mean", question.All, StringComparison.Ordinal);

        var readBack = await user.SayAsync("5");
        Assert.Contains("Set activity 5 to Blocked?", readBack.All, StringComparison.Ordinal);
        await user.SayAsync("yes");

        var five = await ActivityAsync(5);
        Assert.Equal((ActivityStatus.Blocked, "ministry has not replied"), (five.Status, five.LastNote));
    }

    [Fact]
    public async Task PartnerOfAnotherPartnership_CannotChangeTheseActivities_ByWords()
    {
        var ours = await _world.SnapshotAsync();
        var theirIds = await _world.ActivityIdsAsync(_world.BangkokPartnershipId);
        var bangkok = await _world.ConversationAsync(_world.Bangkok);

        // Their "activity 2" is their own partnership's; ours stays as it was.
        await bangkok.SayAsync("activity 2 done");
        var proposal = await _world.ProposalAsync(bangkok.ConversationId);
        Assert.True(proposal?.ActivityId is { } id && theirIds.ContainsKey(id));
        // Ours cannot even be named: a title of ours is unknown to them.
        await bangkok.SayAsync("the port emissions questionnaire is done");
        var unknown = await _world.ProposalAsync(bangkok.ConversationId);
        Assert.NotNull(unknown);
        Assert.Null(unknown.ActivityId);
        Assert.All(unknown.Candidates, c => Assert.Contains(c, theirIds.Keys));

        // Pressing our representative's own Yes button from their conversation does nothing.
        var hcm = await _world.ConversationAsync(_world.Hcm);
        var question = await hcm.SayAsync("activity 2 done");
        var yes = hcm.LastCard!.Actions().First(a => (string?)a["title"] == "Yes, save");
        var forged = await bangkok.PressAsync(yes, hcm.LastCard!);
        Assert.Contains("no longer open", forged.All, StringComparison.Ordinal);
        Assert.Equal(ActivityStatus.NotStarted, (await ActivityAsync(2)).Status);

        // A representative without partnerships, and someone who represents nobody.
        var nobody = await _world.ConversationAsync(_world.Nobody);
        Assert.Contains("no activities being implemented", (await nobody.SayAsync("activity 2 done")).All, StringComparison.Ordinal);
        var stranger = await _world.ConversationAsync(Person.Teams("29:stranger") with { TimeZone = "UTC" });
        Assert.Contains("I did not understand", (await stranger.SayAsync("activity 2 done")).All, StringComparison.Ordinal);

        Assert.Equal(ActivityStatus.NotStarted, (await ActivityAsync(2)).Status);
        Assert.Equal(ours, await _world.SnapshotAsync());
        Assert.Equal(0, await _world.Bot.QueryAsync(db => db.ActivityUpdates.CountAsync()));
    }

    [Fact]
    public async Task AQuestionLeftForHalfAnHour_IsForgotten()
    {
        var user = await _world.ConversationAsync(_world.Hcm);
        await user.SayAsync("activity 6 done");
        _world.Clock.Advance(TimeSpan.FromMinutes(31));

        var reply = await user.SayAsync("yes");

        Assert.Contains("I did not understand", reply.All, StringComparison.Ordinal);
        Assert.Equal(ActivityStatus.NotStarted, (await ActivityAsync(6)).Status);
    }

    [Fact]
    public async Task MyActivities_ListsThemWithDueDatesAsTheUsersCalendarSays()
    {
        var user = await _world.ConversationAsync(_world.Hcm);

        var reply = await user.SayAsync("my activities");

        var text = reply.All;
        Assert.Contains("Kitakyushu ⇄ Ho Chi Minh City", text, StringComparison.Ordinal);
        // Due 14 days after 1 March 2027, as Ho Chi Minh City's calendar shows it.
        Assert.Contains("#1 Emissions inventory of industrial zones", text, StringComparison.Ordinal);
        Assert.Contains("Not started · due Mon 15 Mar 2027 (in 14 days) · Ho Chi Minh City", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Street food", text, StringComparison.Ordinal);

        var vi = await _world.ConversationAsync(_world.Hcm, "vi-VN");
        Assert.Contains("hạn 15/03/2027 (còn 14 ngày)", (await vi.SayAsync("hoạt động của tôi")).All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLastActivityDone_CompletesThePartnership_AndBothCitiesAreRecognised()
    {
        await _world.Bot.WithDbAsync(async db =>
        {
            var partnership = await ActivePartnerships.LoadAsync(db, _world.PartnershipId);
            foreach (var n in new[] { 1, 2, 3, 4, 5 }) partnership.UpdateActivity(PartnershipActor.Coordinator(ActivePartnerships.CoordinatorUserId), n, ActivityStatus.Done, null, "msteams", StatusUpdateWorld.Now);
            await db.SaveChangesAsync();
        });
        var user = await _world.ConversationAsync(_world.Hcm);
        await user.SayAsync("final workshop done");
        var outcome = await user.PressAsync("Yes, save");

        Assert.Contains("the partnership is complete", outcome.InvokeCard.Text(), StringComparison.Ordinal);
        var partnership = await _world.Bot.QueryAsync(db => db.Partnerships.SingleAsync(p => p.Id == _world.PartnershipId));
        Assert.Equal(PartnershipStatus.Completed, partnership.Status);
        var recognition = await _world.Bot.QueryAsync(db => db.OutboxMessages.Where(m => m.IdempotencyKey.StartsWith("recognition:")).ToListAsync());
        Assert.Equal(["29:hcm", "29:kit"], recognition.Select(r => r.UserId).Order(StringComparer.Ordinal));
        Assert.All(recognition, r => Assert.Contains("Record results", r.Activity, StringComparison.Ordinal));
    }

    private Task<PartnershipActivity> ActivityAsync(int number) => _world.Bot.QueryAsync(db =>
        db.PartnershipActivities.AsNoTracking().SingleAsync(a => a.PartnershipId == _world.PartnershipId && a.Number == number));
}
