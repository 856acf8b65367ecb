using CcapBot.Protocol.Schema;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Tests.Conversations.Dialogs;

public sealed class ProfileFlowTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private readonly CcapBotFactory _bot = new();

    public async ValueTask InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var entry in _bot.Logs.Entries) TestContext.Current.TestOutputHelper?.WriteLine(entry.ToString());
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private BotConversation Conversation(string id, string channel = Channels.MsTeams, string locale = "en-US") =>
        new(_bot.CreateClient(), _connector, id, channel, locale) { LocalTimezone = "Asia/Bangkok" };

    [Fact]
    public async Task ProfileByChat_AsksEachQuestion_ThenSavesOnConfirm()
    {
        var chat = Conversation("a:smoke");
        await chat.SayAsync("hi");
        var start = await chat.SayAsync("profile");
        Assert.Contains("What name should I use for you?", start.All, StringComparison.Ordinal);
        var r = await chat.SayAsync("Lan Pham");
        Assert.Contains("email", r.All, StringComparison.OrdinalIgnoreCase);
        r = await chat.SayAsync("not an email");
        Assert.Contains("doesn't look like an email", r.All, StringComparison.Ordinal);
        await chat.SayAsync("lan@example.org");
        r = await chat.SayAsync("tieng viet");
        Assert.Contains("Which time zone are you in?", r.All, StringComparison.Ordinal);
        Assert.Contains("Asia/Bangkok", r.All, StringComparison.Ordinal); // suggested from the Teams client
        r = await chat.SayAsync("bangkok");
        r = await chat.SayAsync("8h");
        r = await chat.SayAsync("5pm");
        r = await chat.SayAsync("bỏ qua");
        Assert.Contains("Please check your answers", r.All, StringComparison.Ordinal);
        r = await chat.PressAsync("Confirm");
        Assert.Contains("Đã lưu hồ sơ", r.All, StringComparison.Ordinal);
        var profile = await _bot.QueryAsync(db => db.UserProfiles.SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Lan Pham", profile.DisplayName);
        Assert.Equal("vi", profile.Language);
        Assert.Equal("Asia/Bangkok", profile.TimeZone);
        Assert.Equal(new TimeOnly(8, 0), profile.WorkStart);
        Assert.Equal(new TimeOnly(17, 0), profile.WorkEnd);
        Assert.Null(profile.AwayUntil);
    }
}
