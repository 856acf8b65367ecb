using CcapBot.Tests.Browser;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CcapBot.Tests.Features.Profile;

/// <summary>
/// The profile form in a real browser (Chromium from the OS, never downloaded), in the embedded Web Chat at "/":
/// once through the card (Show as one form → Submit), once through chat, with an edit from the summary.
/// </summary>
public sealed class ProfileBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IAsyncDisposable
{
    private readonly CcapBotFactory _bot = new CcapBotFactory().WithKestrel();

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task ProfileForm_ThroughTheCard_ThenThroughChat_WithAnEditFromTheSummary()
    {
        await using var context = await chromium.Browser.NewContextAsync(new() { Locale = "en-US", TimezoneId = "Asia/Bangkok" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_bot.BaseAddress.ToString());
        await Assertions.Expect(WebChat.CardButton(page, "Register my city")).ToBeVisibleAsync(WebChat.Visible); // connected, welcomed

        // Through the card.
        await WebChat.SayAsync(page, "profile");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show as one form" }).Last.ClickAsync();
        await page.GetByLabel("Display name").Last.FillAsync("Lan Pham");
        await page.GetByLabel("Email").Last.FillAsync("lan@example.org");
        await page.GetByLabel("Tiếng Việt").Last.CheckAsync();
        await page.GetByLabel("Working day starts").Last.FillAsync("08:00");
        await page.GetByLabel("Working day ends").Last.FillAsync("16:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).Last.ClickAsync();
        await Expect(page.GetByText("Please check your answers.").Last);
        await LastCard(page).Locator(".ac-pushButton", new() { HasText = "Edit" }).Nth(1).ClickAsync(); // email
        await WebChat.SayAsync(page, "lan.pham@example.org");
        // The summary comes back with the new answer; press Confirm on that card, not on an older one.
        await Assertions.Expect(LastCard(page)).ToContainTextAsync("lan.pham@example.org", new() { Timeout = 20_000 });
        await LastCard(page).Locator(".ac-pushButton", new() { HasText = "Confirm" }).ClickAsync();
        await Assertions.Expect(Saved(page).First).ToBeVisibleAsync(WebChat.Visible);
        // Web Chat renders each message more than once (a visible and an accessible copy): count per message.
        var perMessage = await Saved(page).CountAsync();

        // Through chat: the stored profile opens as a summary; change the working day end by typing.
        await WebChat.SayAsync(page, "hồ sơ");
        await Assertions.Expect(LastCard(page)).ToContainTextAsync("Hồ sơ của tôi", new() { Timeout = 20_000 });
        await LastCard(page).Locator(".ac-pushButton", new() { HasText = "Sửa" }).Nth(5).ClickAsync(); // working day ends
        await WebChat.SayAsync(page, "5pm");
        await Assertions.Expect(LastCard(page)).ToContainTextAsync("17:00", new() { Timeout = 20_000 });
        await LastCard(page).Locator(".ac-pushButton", new() { HasText = "Xác nhận" }).ClickAsync();
        await Assertions.Expect(Saved(page)).ToHaveCountAsync(2 * perMessage, new() { Timeout = 20_000 });

        var profile = await _bot.QueryAsync(db => db.UserProfiles.SingleAsync());
        Assert.Equal("lan.pham@example.org", profile.Email);
        Assert.Equal(new TimeOnly(17, 0), profile.WorkEnd);
        Assert.Equal("vi", profile.Language);
    }

    private static ILocator Saved(IPage page) => page.GetByRole(AriaRole.Feed).GetByText("Đã lưu hồ sơ của bạn");

    private static ILocator LastCard(IPage page) => page.GetByRole(AriaRole.Feed).Locator(".ac-adaptiveCard").Last;

    private static Task Expect(ILocator locator) => Assertions.Expect(locator).ToBeVisibleAsync(new() { Timeout = 15_000 });
}
