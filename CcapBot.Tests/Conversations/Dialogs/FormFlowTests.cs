using CcapBot.Conversations.Dialogs;
using CcapBot.Domain;
using CcapBot.Protocol.Schema;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Tests.Conversations.Dialogs;

/// <summary>The profile form end to end: chat and card, summary, edit, confirm, interruptions, idle, double submit.</summary>
public sealed class FormFlowTests : IAsyncLifetime
{
    private BotWorld _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await BotWorld.StartAsync(new() { Configure = bot => TestForms.Configure(bot) });

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    private BotConversation Chat(string channel = Channels.MsTeams, string locale = "en-US", string? user = null) =>
        _bot.Chat(new Person(user ?? $"29:{Guid.NewGuid():N}", $"a:{Guid.NewGuid():N}") { ChannelId = channel }, locale, "Asia/Bangkok");

    private static readonly Dictionary<string, string> GoodInputs = new()
    {
        ["f_displayName"] = "Lan Pham",
        ["f_email"] = "lan@example.org",
        ["f_language"] = "vi",
        ["f_timeZone"] = "Asia/Bangkok",
        ["f_workStart"] = "08:00",
        ["f_workEnd"] = "16:30",
        ["f_awayUntil"] = "2026-03-20",
    };

    private static async Task FillByChatAsync(BotConversation chat)
    {
        await chat.SayAsync("profile");
        await chat.SayAsync("Lan Pham");
        await chat.SayAsync("lan@example.org");
        await chat.SayAsync("Tiếng Việt");
        await chat.SayAsync("bangkok");
        await chat.SayAsync("8am");
        await chat.SayAsync("4:30pm");
        await chat.SayAsync("20/03/2026");
    }

    private Task<UserProfile?> ProfileAsync(BotConversation chat) =>
        _bot.QueryAsync(db => db.UserProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == chat.UserId));

    private static object Comparable(UserProfile p) => new { p.DisplayName, p.Email, p.Language, p.TimeZone, p.WorkStart, p.WorkEnd, p.AwayUntil };

    [Fact]
    public async Task SameForm_ByChatAndByCard_StoresIdenticalResults()
    {
        var byChat = Chat(Channels.MsTeams);
        await FillByChatAsync(byChat);
        var summary = await byChat.PressAsync("Confirm");
        Assert.Contains("Đã lưu hồ sơ", summary.All, StringComparison.Ordinal);

        var byCard = Chat(Channels.WebChat);
        await byCard.SayAsync("profile");
        var form = await byCard.PressAsync("Show as one form");
        Assert.Single(form.Updates); // the prompt card became the form card, in place
        var submitted = await byCard.PressAsync("Submit", GoodInputs);
        Assert.Contains("Please check your answers.", submitted.Updates.Single().Text(), StringComparison.Ordinal);
        await byCard.PressAsync("Confirm");

        var chatProfile = await ProfileAsync(byChat);
        var cardProfile = await ProfileAsync(byCard);
        Assert.NotNull(chatProfile);
        Assert.NotNull(cardProfile);
        Assert.Equal(Comparable(chatProfile), Comparable(cardProfile));
        Assert.Equal(new TimeOnly(16, 30), cardProfile.WorkEnd);
        Assert.Equal(new DateOnly(2026, 3, 20), cardProfile.AwayUntil);
    }

    [Theory]
    [InlineData(Channels.MsTeams)]
    [InlineData(Channels.WebChat)]
    public async Task BadCardSubmit_ReturnsTheCardWithFieldErrors_AndStoresNothing(string channel)
    {
        var chat = Chat(channel);
        await chat.SayAsync("profile");
        await chat.PressAsync("Show as one form");

        var inputs = new Dictionary<string, string>(GoodInputs) { ["f_email"] = "lan at example", ["f_workEnd"] = "07:00", ["f_displayName"] = "" };
        var rejected = await chat.PressAsync("Submit", inputs);

        var card = channel == Channels.MsTeams ? rejected.InvokeCard : rejected.Updates.SingleOrDefault();
        Assert.NotNull(card);
        var text = card.Text();
        Assert.Contains("Please fix 3 field(s) marked below.", text, StringComparison.Ordinal);
        Assert.Contains("doesn't look like an email", text, StringComparison.Ordinal);
        Assert.Contains("The working day must end after it starts.", text, StringComparison.Ordinal);
        Assert.Contains("This question needs an answer.", text, StringComparison.Ordinal);
        Assert.Contains("lan at example", card.ToJsonString(), StringComparison.Ordinal); // what was typed stays for fixing
        Assert.Empty(rejected.Cards); // nothing new in the conversation: the card changed in place
        Assert.Null(await ProfileAsync(chat));
        Assert.Equal(RunStage.Card, (await TestForms.StateAsync(_bot.Bot, chat.ConversationId)).Run!.Stage);

        await chat.PressAsync("Submit", GoodInputs);
        await chat.PressAsync("Confirm");
        Assert.NotNull(await ProfileAsync(chat));
    }

    [Fact]
    public async Task AnswersGivenInChat_ShowInTheCard_AndTheCardContinuesTheChat()
    {
        var chat = Chat(Channels.WebChat);
        await chat.SayAsync("profile");
        await chat.SayAsync("Lan Pham");
        await chat.SayAsync("lan@example.org");

        var form = await chat.SayAsync("form");

        var card = form.Cards.Single().ToJsonString();
        Assert.Contains("\"value\":\"Lan Pham\"", card, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"lan@example.org\"", card, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"Asia/Bangkok\"", card, StringComparison.Ordinal); // the client's zone, suggested
        var back = await chat.PressAsync("Answer one by one");
        Assert.Contains("Which language should I use with you?", back.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditFromSummary_AsksThatField_ThenReturnsToTheSummary()
    {
        var chat = Chat();
        await FillByChatAsync(chat);
        var summaryCard = chat.LastCard!;
        var editRow = summaryCard.Actions().First(a => (string?)a["data"]?["field"] == "email");

        var edit = await chat.PressAsync(editRow, summaryCard);
        Assert.True(edit.InvokeCard.Text().Contains("Editing \"Email\"", StringComparison.Ordinal), edit.InvokeCard.Text());
        Assert.Contains("What is your email address?", edit.All, StringComparison.Ordinal);
        var back = await chat.SayAsync("lan.pham@example.org");

        Assert.Contains("Please check your answers.", back.All, StringComparison.Ordinal);
        Assert.Contains("lan.pham@example.org", back.All, StringComparison.Ordinal);
        await chat.PressAsync("Confirm");
        Assert.Equal("lan.pham@example.org", (await ProfileAsync(chat))!.Email);
    }

    [Theory]
    [InlineData(Channels.MsTeams)]
    [InlineData(Channels.WebChat)]
    public async Task ConfirmPressedTwice_HasOneEffect(string channel)
    {
        var chat = Chat(channel);
        await FillByChatAsync(chat);
        var summaryCard = chat.LastCard!;

        await chat.PressAsync("Confirm", card: summaryCard);
        await _bot.WithDbAsync(db => db.UserProfiles.Where(p => p.UserId == chat.UserId).ExecuteUpdateAsync(s => s.SetProperty(p => p.DisplayName, "Changed since")));
        var second = await chat.PressAsync("Confirm", card: summaryCard);

        Assert.Equal("Changed since", (await ProfileAsync(chat))!.DisplayName); // the second press wrote nothing
        Assert.Empty(second.Texts);
        if (channel == Channels.MsTeams) Assert.Contains("Nội dung này đã được gửi rồi", second.All, StringComparison.Ordinal); // in the profile's language
    }

    [Fact]
    public async Task OldPromptButton_AfterTheAnswerWasTyped_ChangesNothing()
    {
        var chat = Chat(Channels.WebChat);
        await chat.SayAsync("profile");
        await chat.SayAsync("Lan Pham");
        await chat.SayAsync("lan@example.org");
        var languagePrompt = chat.LastCard!;
        await chat.SayAsync("English");

        var stale = await chat.PressAsync("Tiếng Việt", card: languagePrompt);

        Assert.Empty(stale.Calls);
        var run = (await TestForms.StateAsync(_bot.Bot, chat.ConversationId)).Run!;
        Assert.Equal("en", run.Answers["language"].GetString());
        Assert.Equal("timeZone", run.Field);
    }

    [Fact]
    public async Task Help_MidForm_IsAboutTheCurrentQuestion_ThenTheQuestionResumes()
    {
        var chat = Chat();
        await chat.SayAsync("profile");
        await chat.SayAsync("Lan Pham");

        var help = await chat.SayAsync("hlep");

        Assert.Contains("Where coordinators can reach you", help.All, StringComparison.Ordinal);
        Assert.Contains("What is your email address?", help.All, StringComparison.Ordinal);
        var next = await chat.SayAsync("lan@example.org");
        Assert.Contains("Which language should I use with you?", next.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_AsksFirst_NoResumes_YesClears()
    {
        var chat = Chat(locale: "vi-VN");
        await chat.SayAsync("hồ sơ");
        await chat.SayAsync("Lan Pham");

        var asked = await chat.SayAsync("huy"); // "hủy" without accents, at the email question
        Assert.Contains("Hủy Hồ sơ của tôi?", asked.All, StringComparison.Ordinal);
        var resumed = await chat.SayAsync("không");
        Assert.Contains("Địa chỉ email của bạn là gì?", resumed.All, StringComparison.Ordinal);

        await chat.SayAsync("HUỶ");
        var cleared = await chat.PressAsync("Có, hủy");

        Assert.Contains("Đã hủy", cleared.All, StringComparison.Ordinal);
        Assert.Null((await TestForms.StateAsync(_bot.Bot, chat.ConversationId)).Run);
        Assert.Null(await ProfileAsync(chat));
    }

    [Fact]
    public async Task NameThatLooksLikeACommand_IsAskedAbout_AndCanBeTheAnswer()
    {
        var chat = Chat(locale: "vi-VN");
        await chat.SayAsync("ho so");

        var asked = await chat.SayAsync("Huy"); // a name, and "hủy" (cancel) without accents
        Assert.Contains("Dùng \"Huy\" làm câu trả lời", asked.All, StringComparison.Ordinal);
        var next = await chat.PressAsync("Dùng \"Huy\" làm câu trả lời");

        Assert.Contains("Địa chỉ email của bạn là gì?", next.All, StringComparison.Ordinal);
        Assert.Equal("Huy", (await TestForms.StateAsync(_bot.Bot, chat.ConversationId)).Run!.Answers["displayName"].GetString());
    }

    [Fact]
    public async Task BackAndStartOver_MoveThroughTheQuestions()
    {
        var chat = Chat();
        await chat.SayAsync("profile");
        await chat.SayAsync("Lan Pham");
        var back = await chat.SayAsync("back");
        Assert.Contains("What name should I use for you?", back.All, StringComparison.Ordinal);
        Assert.Contains("Current answer: Lan Pham", back.All, StringComparison.Ordinal);
        await chat.SayAsync("Lan P.");
        await chat.SayAsync("lan@example.org");

        await chat.SayAsync("start over");
        var restarted = await chat.PressAsync("Start over");

        Assert.Contains("What name should I use for you?", restarted.All, StringComparison.Ordinal);
        var run = (await TestForms.StateAsync(_bot.Bot, chat.ConversationId)).Run!;
        Assert.False(run.Answers.ContainsKey("email"));
        Assert.Equal("Nguyen Van A", run.Answers["displayName"].GetString()); // prefilled again from the channel
    }

    [Fact]
    public async Task LanguageSwitch_MidForm_ChangesEveryPrompt_AndBeatsTheClientLocale()
    {
        var chat = Chat(locale: "en-US");
        await chat.SayAsync("profile");

        var switched = await chat.SayAsync("tiếng việt");

        Assert.Contains("Tôi nên gọi bạn bằng tên gì?", switched.All, StringComparison.Ordinal);
        var next = await chat.SayAsync("Lan");
        Assert.Contains("Địa chỉ email của bạn là gì?", next.All, StringComparison.Ordinal); // activity.locale is still en-US
        var member = await _bot.QueryAsync(db => db.ConversationMembers.SingleAsync(m => m.ConversationId == chat.ConversationId));
        Assert.Equal("vi", member.Language);
    }

    [Fact]
    public async Task IdleDialog_AsksContinueOrStartOver_InsteadOfTakingTheMessageAsAnAnswer()
    {
        var chat = Chat();
        await chat.SayAsync("profile");
        await chat.SayAsync("Lan Pham");
        _bot.Clock!.Advance(TimeSpan.FromHours(3)); // idle timeout is one hour in these tests

        var welcomeBack = await chat.SayAsync("hello?");
        Assert.Contains("Welcome back! Continue My profile", welcomeBack.All, StringComparison.Ordinal);
        var run = (await TestForms.StateAsync(_bot.Bot, chat.ConversationId)).Run!;
        Assert.False(run.Answers.ContainsKey("email"));

        var resumed = await chat.SayAsync("continue");
        Assert.Contains("What is your email address?", resumed.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoredProfile_OpensAsASummaryToEdit()
    {
        var chat = Chat();
        await FillByChatAsync(chat);
        await chat.PressAsync("Confirm");

        var again = await chat.SayAsync("settings");

        Assert.Contains("Đây là Hồ sơ của tôi", again.All, StringComparison.Ordinal); // the profile's language is now the user's
        Assert.Contains("Lan Pham", again.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WelcomeHelpButton_ShowsCommands_AndTheirButtonsStartThem()
    {
        var chat = Chat(Channels.WebChat);
        var welcome = await chat.SayAsync("hi");
        var help = await chat.PressAsync("What can I do?", card: welcome.Cards.First());
        Assert.Contains("What I can do", help.All, StringComparison.Ordinal);
        Assert.Contains("My profile", help.All, StringComparison.Ordinal);

        var started = await chat.PressAsync("My profile");

        Assert.Contains("What name should I use for you?", started.All, StringComparison.Ordinal);
    }
}
