using System.Text.Json;
using CcapBot.Protocol.Connector;
using CcapBot.Protocol.Schema;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CcapBot.Tests.Browser;

/// <summary>Debian's Chromium, driven by Playwright; never a downloaded browser.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"Chromium is not installed at {ExecutablePath}: install Debian's package (apt-get install chromium). The browser tests never download a browser.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>The web chat page at "/" in a real browser, on the real app (Kestrel, SQLite file).</summary>
public sealed class WebChatPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string WelcomeTitle = "Welcome to the CCAP City-to-City Cooperation assistant";
    private const string WelcomeTitleVi = "Chào mừng bạn đến với trợ lý Hợp tác giữa các thành phố (C3) của CCAP";
    /// <summary>Strings.en.json "Message.NotUnderstood" as Web Chat shows it (its Markdown makes the quotes typographic).</summary>
    private const string NotUnderstood = "I did not understand that. Type “help” to see what I can do.";
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 20_000 };

    [Fact]
    public async Task Hi_ShowsTheWelcomeCard_AndAReloadResumesTheSameConversation()
    {
        await using var app = new CcapBotFactory().WithKestrel();
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();

        await page.GotoAsync(app.BaseAddress.AbsoluteUri);
        await Assertions.Expect(page).ToHaveTitleAsync("CCAP City-to-City Cooperation");
        await SayAsync(page, "hi");

        await Assertions.Expect(Text(page, WelcomeTitle)).ToBeVisibleAsync(Visible);
        await Assertions.Expect(CardButton(page, "Register my city")).ToBeVisibleAsync(Visible);
        await Assertions.Expect(Text(page, NotUnderstood)).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        // Web Chat marks "hi" sent only once its echo (id + clientActivityID) came back on the stream.
        await Assertions.Expect(page.GetByRole(AriaRole.Feed).GetByText("Sending")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Upload file" })).ToHaveCountAsync(0);
        var conversationId = await app.QueryAsync(db => db.DirectLineConversations.Select(c => c.Id).SingleAsync());

        await page.ReloadAsync();

        // The history is back (welcome, the user's "hi", the answer) and the conversation goes on.
        await Assertions.Expect(Text(page, WelcomeTitle)).ToBeVisibleAsync(Visible);
        await Assertions.Expect(Text(page, "hi")).ToBeVisibleAsync(Visible);
        await Assertions.Expect(Text(page, NotUnderstood)).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await SayAsync(page, "hello again");
        await Assertions.Expect(Text(page, NotUnderstood)).ToHaveCountAsync(2, new() { Timeout = 20_000 });
        await Assertions.Expect(Text(page, WelcomeTitle)).ToHaveCountAsync(1); // welcomed once, not again on reload

        Assert.Equal(conversationId, await app.QueryAsync(db => db.DirectLineConversations.Select(c => c.Id).SingleAsync()));
        var stored = await app.QueryAsync(db => db.DirectLineActivities.Select(a => new { a.ConversationId, a.Json }).ToListAsync());
        Assert.All(stored, a => Assert.Equal(conversationId, a.ConversationId));
        var userTexts = stored.Select(a => JsonSerializer.Deserialize(a.Json, ProtocolJsonContext.Default.Activity)!)
            .Where(a => a.From?.Role == "user").Select(a => a.Text);
        Assert.Equal(["hi", "hello again"], userTexts);
        var userId = await page.EvaluateAsync<string>("localStorage.getItem('ccapbot.webchat.userId')");
        var member = await app.QueryAsync(db => db.ConversationMembers.SingleAsync(m => m.ConversationId == conversationId));
        Assert.Equal(userId, member.UserId);
        Assert.Equal(Channels.WebChat, member.ChannelId);
    }

    [Fact]
    public async Task LanguageSwitch_TellsTheBot_TranslatesTheChat_AndIsRemembered()
    {
        await using var app = new CcapBotFactory().WithKestrel();
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseAddress.AbsoluteUri);
        await Assertions.Expect(Text(page, WelcomeTitle)).ToBeVisibleAsync(Visible);
        var header = page.Locator("header");

        await header.GetByRole(AriaRole.Button, new() { Name = "Tiếng Việt" }).ClickAsync();

        await Assertions.Expect(Text(page, WelcomeTitleVi)).ToBeVisibleAsync(Visible);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Assertions.Expect(page.GetByPlaceholder("Nhập tin nhắn của bạn")).ToBeVisibleAsync(Visible); // Web Chat's own strings follow
        await Assertions.Expect(header.GetByRole(AriaRole.Button, new() { Name = "Tiếng Việt" })).ToHaveAttributeAsync("aria-pressed", "true");
        await WaitForAsync(async () => await app.QueryAsync(db => db.ConversationMembers.Select(m => m.Language).SingleAsync()) == "vi");

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");

        // The card's own language button (Action.Submit) switches the page back too.
        await CardButton(page, "English").Last.ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en", new() { Timeout = 20_000 });
        await Assertions.Expect(Text(page, WelcomeTitle)).ToHaveCountAsync(2, new() { Timeout = 20_000 });
        await WaitForAsync(async () => await app.QueryAsync(db => db.ConversationMembers.Select(m => m.Language).SingleAsync()) == "en");
    }

    [Fact]
    public async Task CardUpdatedByTheBot_IsReplacedOnScreen()
    {
        await using var app = new CcapBotFactory().WithKestrel();
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseAddress.AbsoluteUri);
        await Assertions.Expect(Text(page, WelcomeTitle)).ToBeVisibleAsync(Visible);
        var welcome = await app.QueryAsync(db => db.DirectLineActivities.OrderBy(a => a.Sequence).Select(a => new { a.ConversationId, a.ActivityId }).FirstAsync());

        var connector = app.Services.GetRequiredService<IConnectorClient>();
        await connector.UpdateAsync(app.BaseAddress.AbsoluteUri, welcome.ConversationId, welcome.ActivityId,
            new Activity { Type = ActivityTypes.Message, Text = "This card was replaced by the bot." }, TestContext.Current.CancellationToken);

        await Assertions.Expect(Text(page, "This card was replaced by the bot.")).ToBeVisibleAsync(Visible);
        await Assertions.Expect(Text(page, WelcomeTitle)).ToHaveCountAsync(0);
        await SayAsync(page, "after the update");
        await Assertions.Expect(Text(page, NotUnderstood)).ToBeVisibleAsync(Visible);
    }

    /// <summary>
    /// Text shown in the transcript (the feed of messages), matched exactly: Web Chat also keeps
    /// screen-reader copies ("Bot said: …", live-region announcements) of the same words elsewhere.
    /// </summary>
    private static ILocator Text(IPage page, string text) => WebChat.Text(page, text);

    private static ILocator CardButton(IPage page, string title) => WebChat.CardButton(page, title);

    private static Task SayAsync(IPage page, string text) => WebChat.SayAsync(page, text);

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("The condition did not hold within 20 s.");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
