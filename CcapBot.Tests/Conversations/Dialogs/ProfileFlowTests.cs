using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Tests.Conversations.Dialogs;

public sealed class ProfileFlowTests : IAsyncLifetime
{
    private BotWorld _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await BotWorld.StartAsync();

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task ProfileByChat_AsksEachQuestion_ThenSavesOnConfirm()
    {
        var chat = _bot.Chat(new Person("29:user-1", "a:smoke"), localTimezone: "Asia/Bangkok");
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
