using CcapBot.Domain;
using CcapBot.Features.StatusUpdates;
using CcapBot.Tests.Infrastructure;

namespace CcapBot.Tests.Features.Tracking;

/// <summary>
/// What people say, in English and Vietnamese, and what the bot reads back: the activity, the status and the note
/// (nothing stored until a yes), or a question when the words name several activities or none.
/// </summary>
public sealed class StatusUtteranceTableTests(StatusUpdateWorld world) : IClassFixture<StatusUpdateWorld>
{
    public enum Ask
    {
        No,
        Ambiguous,
        Unknown,
        Which,
    }

    public static TheoryData<string, string, int?, ActivityStatus, string?, Ask> Utterances => new()
    {
        // speaker, utterance, activity number (or none when asked back), status, note, question
        { "hcm", "activity 2 done", 2, ActivityStatus.Done, null, Ask.No },
        { "hcm", "Activity 2 is done", 2, ActivityStatus.Done, null, Ask.No },
        { "hcm", "ACTIVITY 1 DONE", 1, ActivityStatus.Done, null, Ask.No },
        { "hcm", "#3 in progress: questionnaire sent", 3, ActivityStatus.InProgress, "questionnaire sent", Ask.No },
        { "hcm", "blocked on 4 — waiting for funding", 4, ActivityStatus.Blocked, "waiting for funding", Ask.No },
        { "hcm", "the inventory is done", 1, ActivityStatus.Done, null, Ask.No },
        { "hcm", "mark activity 6 as done", 6, ActivityStatus.Done, null, Ask.No },
        { "hcm", "activity 3 started", 3, ActivityStatus.InProgress, null, Ask.No },
        { "hcm", "started activity 3", 3, ActivityStatus.InProgress, null, Ask.No },
        { "hcm", "#1 not started", 1, ActivityStatus.NotStarted, null, Ask.No },
        { "hcm", "activity 4 not started yet", 4, ActivityStatus.NotStarted, null, Ask.No },
        { "hcm", "finished the study tour", 4, ActivityStatus.Done, null, Ask.No },
        { "hcm", "study tour done: 12 staff visited Kitakyushu", 4, ActivityStatus.Done, "12 staff visited Kitakyushu", Ask.No },
        { "hcm", "monitoring network review in progress", 3, ActivityStatus.InProgress, null, Ask.No },
        { "hcm", "Activity 5 blocked because the data is missing", 5, ActivityStatus.Blocked, "the data is missing", Ask.No },
        { "hcm", "act 6 completed; report sent to CCAP", 6, ActivityStatus.Done, "report sent to CCAP", Ask.No },
        { "hcm", "2 done", 2, ActivityStatus.Done, null, Ask.No },
        { "hcm", "4 blocked", 4, ActivityStatus.Blocked, null, Ask.No },
        { "hcm", "the final workshop is on hold - venue not confirmed", 6, ActivityStatus.Blocked, "venue not confirmed", Ask.No },
        { "hcm", "port questionnare done", 2, ActivityStatus.Done, null, Ask.No },
        { "hcm", "item 5 ongoing", 5, ActivityStatus.InProgress, null, Ask.No },
        { "hcm", "Activity 3: in progress", 3, ActivityStatus.InProgress, null, Ask.No },
        { "hcm", "emissions done", null, ActivityStatus.Done, null, Ask.Ambiguous },
        { "hcm", "activity 9 done", null, ActivityStatus.Done, null, Ask.Unknown },
        { "hcm", "the budget is done", null, ActivityStatus.Done, null, Ask.Unknown },
        { "hcm", "done", null, ActivityStatus.Done, null, Ask.Which },
        { "dn", "activity 2 done", null, ActivityStatus.Done, null, Ask.Ambiguous },
        { "hcm", "xong hoạt động 2", 2, ActivityStatus.Done, null, Ask.No },
        { "hcm", "hoạt động 3 đang làm", 3, ActivityStatus.InProgress, null, Ask.No },
        { "hcm", "hoạt động 2 đã xong", 2, ActivityStatus.Done, null, Ask.No },
        { "hcm", "hoàn thành hoạt động 1", 1, ActivityStatus.Done, null, Ask.No },
        { "hcm", "hoạt động 4 bị vướng: chờ kinh phí", 4, ActivityStatus.Blocked, "chờ kinh phí", Ask.No },
        { "hcm", "hoạt động 6 chưa bắt đầu", 6, ActivityStatus.NotStarted, null, Ask.No },
        { "hcm", "đang thực hiện hoạt động 5", 5, ActivityStatus.InProgress, null, Ask.No },
        { "hcm", "kiểm kê phát thải giao thông đã xong", 5, ActivityStatus.Done, null, Ask.No },
        { "hcm", "kiểm kê xong", 5, ActivityStatus.Done, null, Ask.No },
        { "hcm", "hd 3 xong rồi", 3, ActivityStatus.Done, null, Ask.No },
        { "hcm", "hoat dong 2 da xong", 2, ActivityStatus.Done, null, Ask.No },
        { "hcm", "#4 tạm dừng vì chưa có kinh phí", 4, ActivityStatus.Blocked, "chưa có kinh phí", Ask.No },
        { "hcm", "hoạt động 1 bắt đầu rồi", 1, ActivityStatus.InProgress, null, Ask.No },
        { "hcm", "hoạt động 3 đang làm: đã gửi phiếu hỏi", 3, ActivityStatus.InProgress, "đã gửi phiếu hỏi", Ask.No },
        { "hcm", "Hoạt động 6 hoàn tất", 6, ActivityStatus.Done, null, Ask.No },
        { "hcm", "xong", null, ActivityStatus.Done, null, Ask.Which },
        { "hcm", "hoạt động 12 xong", null, ActivityStatus.Done, null, Ask.Unknown },
        { "hcm", "hội thảo cuối kỳ xong", null, ActivityStatus.Done, null, Ask.Unknown },
        { "dn", "xong hoạt động 2", null, ActivityStatus.Done, null, Ask.Ambiguous },
        { "dn", "hoạt động 3 bị chặn", null, ActivityStatus.Blocked, null, Ask.Ambiguous },
    };

    [Theory]
    [MemberData(nameof(Utterances))]
    public async Task Utterance_IsReadBack_OrAskedAbout_AndNothingIsStoredYet(string speaker, string utterance, int? number, ActivityStatus status, string? note, Ask ask)
    {
        var person = speaker == "dn" ? world.DaNang : world.Hcm;
        var vietnamese = utterance.Any(c => c > 127) || utterance.Contains("hoat", StringComparison.Ordinal) || utterance == "xong";
        var user = await world.ConversationAsync(person, vietnamese ? "vi-VN" : "en-US");
        var before = await world.SnapshotAsync();

        var reply = await user.SayAsync(utterance);

        var card = Assert.Single(reply.Cards);
        var proposal = await world.ProposalAsync(user.ConversationId) ?? throw new InvalidOperationException($"No question for \"{utterance}\": {reply.All}");
        Assert.Equal(status, proposal.Status);
        Assert.Equal(note, proposal.Note);
        var buttons = card.Actions().Select(a => (string?)a["data"]?["arg"]).OfType<string>().ToList();
        if (ask == Ask.No)
        {
            var ids = await world.ActivityIdsAsync(world.PartnershipId);
            var read = proposal.ActivityId is { } id && ids.TryGetValue(id, out var n) ? n : (int?)null;
            Assert.True(read == number, $"\"{utterance}\" read as activity {read?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "of another partnership"}");
            Assert.Equal(["yes", "no"], buttons.Select(b => b.Split('|')[1]));
            Assert.Contains(note ?? "", card.Text(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(proposal.ActivityId);
            var choices = buttons.Where(b => b.Split('|')[1].StartsWith("a:", StringComparison.Ordinal)).ToList();
            Assert.Equal(Math.Min(proposal.Candidates.Count, 8), choices.Count);
            Assert.Equal(ask switch { Ask.Ambiguous => 2, _ => 6 }, proposal.Candidates.Count);
            Assert.EndsWith("|no", buttons[^1], StringComparison.Ordinal);
        }
        Assert.Equal(before, await world.SnapshotAsync());
    }

    [Fact]
    public void TheTable_HasAtLeastFortyUtterances_InBothLanguages()
    {
        var rows = Utterances.Select(r => r.Data.Item2).ToList();
        Assert.True(rows.Count >= 40);
        Assert.True(rows.Count(u => u.Any(c => c > 127) || u.Contains("hoat", StringComparison.Ordinal) || u == "xong") >= 15);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("what is the weather")]
    [InlineData("I would like to register my city")]
    public async Task OtherWords_AreNotTakenForAnUpdate(string utterance)
    {
        var user = await world.ConversationAsync(world.Hcm);

        var reply = await user.SayAsync(utterance);

        Assert.Contains("I did not understand", reply.All, StringComparison.Ordinal);
        Assert.Null(await world.ProposalAsync(user.ConversationId));
    }
}
