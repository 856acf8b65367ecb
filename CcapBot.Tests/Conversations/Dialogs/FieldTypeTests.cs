using System.Text.Json.Nodes;
using CcapBot.Conversations.Dialogs;
using CcapBot.Tests.Infrastructure;

namespace CcapBot.Tests.Conversations.Dialogs;

public sealed class FieldTypeFixture : IAsyncLifetime
{
    public BotWorld World { get; private set; } = null!;

    public async ValueTask InitializeAsync() => World = await BotWorld.StartAsync(new() { Configure = bot => TestForms.Configure(bot) });

    public ValueTask DisposeAsync() => World.DisposeAsync();
}

/// <summary>
/// Every field type through the real pipeline (HTTP, turn pipeline, SQLite), in both languages: what is typed,
/// and either the canonical answer stored, or the localized re-prompt saying what was wrong (nothing stored).
/// Today is 2026-03-10 in the user's zone (Asia/Ho_Chi_Minh).
/// </summary>
public sealed class FieldTypeTests(FieldTypeFixture fixture) : IClassFixture<FieldTypeFixture>
{
    public static TheoryData<string, string, string, string> Cases => new()
    {
        // form, language, typed, expected canonical JSON or "!" + part of the error message
        { "shorttext", "en", "Lan", "\"Lan\"" },
        { "shorttext", "en", "   Lan  ", "\"Lan\"" },
        { "shorttext", "vi", "Đà Nẵng", "\"Đà Nẵng\"" },
        { "shorttext", "en", "12345678901", "!too long: at most 10 characters" },
        { "shorttext", "vi", "Quá dài quá dài", "!Quá dài: tối đa 10 ký tự" },
        { "longtext", "en", "Line one\nline two", "\"Line one\\nline two\"" },
        { "longtext", "en", "This answer is longer than thirty characters", "!at most 30 characters" },
        { "email", "en", "Lan@Example.ORG", "\"Lan@example.org\"" },
        { "email", "en", "lan@", "!doesn't look like an email" },
        { "email", "en", "a b@c.de", "!doesn't look like an email" },
        { "email", "vi", "lan at example", "!Địa chỉ email chưa đúng" },
        { "phone", "en", "+84 912 345 678", "\"+84912345678\"" },
        { "phone", "vi", "(028) 3823-4567", "\"02838234567\"" },
        { "phone", "en", "12345", "!doesn't look like a phone number" },
        { "phone", "vi", "abc", "!Số điện thoại chưa đúng" },
        { "choice", "en", "2", "\"mentor\"" },
        { "choice", "en", "Mentor city", "\"mentor\"" },
        { "choice", "en", "mentr city", "\"mentor\"" },
        { "choice", "vi", "thanh pho co van", "\"mentor\"" },
        { "choice", "vi", "CẢ HAI", "\"both\"" },
        { "choice", "en", "city", "!could be several things: Learning city, Mentor city" },
        { "choice", "en", "7", "!Please choose one of: 1. Learning city, 2. Mentor city, 3. Both" },
        { "choice", "vi", "xyz", "!Vui lòng chọn một trong" },
        { "multi", "en", "1, 3", """["email","studytour"]""" },
        { "multi", "en", "1 2", """["email","webinars"]""" },
        { "multi", "en", "webinars and email", """["email","webinars"]""" },
        { "multi", "en", "email, other: radio shows", """["email","radio shows"]""" },
        { "multi", "vi", "hội thảo trực tuyến, khác: phát thanh", """["webinars","phát thanh"]""" },
        { "multi", "en", "podcasts", """["podcasts"]""" },
        { "date", "en", "15/03/2026", "\"2026-03-15\"" },
        { "date", "en", "2026-03-15", "\"2026-03-15\"" },
        { "date", "en", "3/15/2026", "\"2026-03-15\"" },
        { "date", "en", "15 March 2026", "\"2026-03-15\"" },
        { "date", "en", "March 15th, 2026", "\"2026-03-15\"" },
        { "date", "en", "tomorrow", "\"2026-03-11\"" },
        { "date", "vi", "ngày mai", "\"2026-03-11\"" },
        { "date", "vi", "ngày 15 tháng 3 năm 2026", "\"2026-03-15\"" },
        { "date", "vi", "15/3", "\"2026-03-15\"" },
        { "date", "en", "31/02/2026", "!couldn't read that as a date" },
        { "date", "vi", "hôm kia nữa", "!Tôi không đọc được ngày này" },
        { "month", "en", "03/2026", "\"2026-03\"" },
        { "month", "en", "March 2026", "\"2026-03\"" },
        { "month", "en", "2026-11", "\"2026-11\"" },
        { "month", "en", "June", "\"2026-06\"" },
        { "month", "en", "January", "\"2027-01\"" },
        { "month", "vi", "tháng 3 năm 2026", "\"2026-03\"" },
        { "month", "vi", "T5/2027", "\"2027-05\"" },
        { "month", "en", "13/2026", "!couldn't read that as a month" },
        { "month", "vi", "abc", "!Tôi không đọc được tháng" },
        { "time", "en", "9am", "\"09:00\"" },
        { "time", "en", "5:30 pm", "\"17:30\"" },
        { "time", "en", "17:30", "\"17:30\"" },
        { "time", "en", "12am", "\"00:00\"" },
        { "time", "vi", "8h", "\"08:00\"" },
        { "time", "vi", "9 giờ 30", "\"09:30\"" },
        { "time", "vi", "5 giờ chiều", "\"17:00\"" },
        { "time", "en", "25:00", "!couldn't read that as a time" },
        { "time", "vi", "abc", "!Tôi không đọc được giờ" },
        { "number", "en", "42", "42" },
        { "number", "en", " 7 ", "7" },
        { "number", "en", "200", "200" },
        { "number", "en", "0", "!from 1 to 200" },
        { "number", "en", "1,000", "!from 1 to 200" },
        { "number", "en", "12.5", "!not a whole number" },
        { "number", "vi", "mười", "!không phải là số nguyên" },
        { "yesno", "en", "yes", "true" },
        { "yesno", "en", "Nope", "false" },
        { "yesno", "vi", "có", "true" },
        { "yesno", "vi", "khong", "false" },
        { "yesno", "vi", "ừ", "true" },
        { "yesno", "en", "maybe", "!Please choose one of: 1. Yes, 2. No" },
        { "timezone", "en", "Asia/Bangkok", "\"Asia/Bangkok\"" },
        { "timezone", "en", "asia/ho_chi_minh", "\"Asia/Ho_Chi_Minh\"" },
        { "timezone", "en", "bangkok", "\"Asia/Bangkok\"" },
        { "timezone", "vi", "Hà Nội", "\"Asia/Ho_Chi_Minh\"" },
        { "timezone", "en", "new york", "\"America/New_York\"" },
        { "timezone", "en", "UTC+5:45", "\"Asia/Kathmandu\"" },
        { "timezone", "en", "UTC+7", "!could be several things: Asia/Ho_Chi_Minh, Asia/Bangkok, Asia/Jakarta" },
        { "timezone", "en", "Mars/Olympus", "!don't know that time zone" },
        { "timezone", "vi", "xyz", "!Tôi không nhận ra múi giờ" },
        { "country", "en", "VN", "\"VN\"" },
        { "country", "en", "Viet Nam", "\"VN\"" },
        { "country", "vi", "việt nam", "\"VN\"" },
        { "country", "vi", "Thai Lan", "\"TH\"" },
        { "country", "en", "thailnd", "\"TH\"" },
        { "country", "en", "Philipines", "\"PH\"" },
        { "country", "vi", "Nhật Bản", "\"JP\"" },
        { "country", "en", "Korea", "\"KR\"" },
        { "country", "en", "Atlantis", "!don't know that country" },
        { "country", "vi", "xyz", "!Tôi không nhận ra quốc gia" },
        { "languages", "en", "English, Vietnamese", """["en","vi"]""" },
        { "languages", "vi", "tiếng Việt và tiếng Anh", """["en","vi"]""" },
        { "languages", "en", "thai", """["th"]""" },
        { "languages", "vi", "en, vi", """["en","vi"]""" },
        { "languages", "en", "Klingon", "!don't recognise \"Klingon\"" },
        { "date", "en", "skip", "!This question needs an answer" },
        { "optdate", "en", "01/01/2020", "!That date has already passed" },
        { "optdate", "vi", "01/01/2020", "!Ngày đó đã qua rồi" },
        { "optdate", "en", "20/03/2026", "\"2026-03-20\"" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task TypedAnswer_IsStoredCanonically_OrRepromptedWithTheReason(string form, string language, string typed, string expected)
    {
        var chat = Start(language);
        var asked = await chat.SayAsync($"start {form}");
        Assert.Contains(language == "en" ? $"Question {form}?" : $"Câu hỏi {form}?", asked.All, StringComparison.Ordinal);

        var reply = await chat.SayAsync(typed);

        var run = (await TestForms.StateAsync(fixture.World.Bot, chat.ConversationId)).Run!;
        if (expected.StartsWith('!'))
        {
            Assert.Contains(expected[1..], reply.All, StringComparison.Ordinal);
            Assert.False(run.Answers.ContainsKey(form), $"stored {run.Answers.GetValueOrDefault(form)}");
            Assert.Equal(RunStage.Asking, run.Stage);
        }
        else
        {
            Assert.True(run.Answers.TryGetValue(form, out var stored), reply.All);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(stored.GetRawText())), $"stored {stored.GetRawText()}");
            Assert.Equal(RunStage.Summary, run.Stage);
        }
    }

    [Fact]
    public async Task OptionalField_Skip_LeavesItEmpty()
    {
        var chat = Start("vi");
        await chat.SayAsync("start optdate");
        await chat.SayAsync("bo qua");
        var run = (await TestForms.StateAsync(fixture.World.Bot, chat.ConversationId)).Run!;
        Assert.Empty(run.Answers);
        Assert.Equal(RunStage.Summary, run.Stage);
    }

    [Fact]
    public async Task ThreeFailures_OfferHelp_WithTheFieldsOptions()
    {
        var chat = Start("en");
        await chat.SayAsync("start choice");
        var first = await chat.SayAsync("purple");
        await chat.SayAsync("orange");
        var third = await chat.SayAsync("green");
        Assert.DoesNotContain("Help for choice.", first.All, StringComparison.Ordinal);
        Assert.Contains("Help for choice.", third.All, StringComparison.Ordinal);
        Assert.Contains("Still stuck?", third.All, StringComparison.Ordinal);
        Assert.Contains("2. Mentor city", third.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChoiceButtons_AreOffered_AndPressingOneAnswers()
    {
        var chat = Start("en");
        var asked = await chat.SayAsync("start choice");
        var titles = asked.Cards.Last().Actions().Select(a => (string?)a["title"]).ToList();
        Assert.Contains("Mentor city", titles);

        var pressed = await chat.PressAsync("Mentor city");

        Assert.Contains("✔ Mentor city", pressed.InvokeCard.Text(), StringComparison.Ordinal); // the prompt card now shows the answer
        var run = (await TestForms.StateAsync(fixture.World.Bot, chat.ConversationId)).Run!;
        Assert.Equal("mentor", run.Answers["choice"].GetString());
    }

    [Fact]
    public async Task Condition_AsksAFieldOnlyWhenItHolds_AndDropsItsAnswerWhenNot()
    {
        var chat = Start("en");
        await chat.SayAsync("start conditional");
        var mentor = await chat.SayAsync("mentor");
        Assert.Contains("Question city?", mentor.All, StringComparison.Ordinal);
        await chat.SayAsync("Kitakyushu");
        await chat.SayAsync("back");
        var back = await chat.SayAsync("back");
        Assert.Contains("Question role?", back.All, StringComparison.Ordinal);

        var learning = await chat.SayAsync("learning");

        Assert.Contains("Question staff?", learning.All, StringComparison.Ordinal);
        var run = (await TestForms.StateAsync(fixture.World.Bot, chat.ConversationId)).Run!;
        Assert.False(run.Answers.ContainsKey("city"));
    }

    private BotConversation Start(string language) =>
        fixture.World.Chat(new Person($"29:{Guid.NewGuid():N}", $"a:{Guid.NewGuid():N}"), language == "en" ? "en-US" : "vi-VN", "Asia/Ho_Chi_Minh");
}
