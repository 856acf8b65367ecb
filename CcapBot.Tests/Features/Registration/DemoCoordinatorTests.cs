using System.Net;
using System.Net.Http.Json;
using CcapBot.Features.Access;
using CcapBot.Tests.Browser;
using CcapBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CcapBot.Tests.Features.Registration;

/// <summary>
/// The development-only "act as demo coordinator" switch of the web chat page: offered by the server only in
/// Development with <c>Coordinators:DemoIdentity</c> set, clearly labelled on the page, and the chat then runs as that
/// coordinator (a web chat user id the coordinator check knows).
/// </summary>
public sealed class DemoCoordinatorTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string DemoIdentity = "dl_c0a00000-0000-4000-8000-0000000000d1";
    private const string Label = "Act as demo coordinator (development only)";
    private const string Welcome = "Welcome to the CCAP City-to-City Cooperation assistant";

    [Fact]
    public async Task InDevelopment_TheEndpointNamesTheDemoIdentity()
    {
        await using var app = new CcapBotFactory().With("Coordinators:DemoIdentity", DemoIdentity);
        var demo = await app.CreateClient().GetFromJsonAsync<DemoCoordinator>(DemoCoordinatorEndpoint.Path, TestContext.Current.CancellationToken);
        Assert.Equal(DemoIdentity, demo?.UserId);
    }

    [Fact]
    public async Task WithoutADemoIdentity_OrOutsideDevelopment_ThereIsNoSwitch()
    {
        await using var none = new CcapBotFactory().With("Coordinators:DemoIdentity", "");
        await using var production = new CcapBotFactory()
            .With(WebHostDefaults.EnvironmentKey, "Production")
            .With("Bot:AppId", "00000000-0000-0000-0000-0000000000b0")
            .With("Bot:TenantId", "00000000-0000-0000-0000-00000000000a")
            .With("Bot:AppPassword", "test-password")
            .With("DirectLine:Secret", "test-direct-line-secret-0123456789abcdef")
            .With("DirectLine:ServiceUrl", "https://bot.example.org/")
            .With("Coordinators:DemoIdentity", DemoIdentity);

        using var notConfigured = await none.CreateClient().GetAsync(DemoCoordinatorEndpoint.Path, TestContext.Current.CancellationToken);
        using var productionPage = await production.CreateClient().GetAsync("/", TestContext.Current.CancellationToken);
        using var inProduction = await production.CreateClient().GetAsync(DemoCoordinatorEndpoint.Path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, notConfigured.StatusCode);
        Assert.Equal(HttpStatusCode.OK, productionPage.StatusCode); // the web chat is served, without the switch
        Assert.Equal(HttpStatusCode.NotFound, inProduction.StatusCode);
    }

    [Fact]
    public async Task AnInvalidDemoIdentity_StopsTheStart_NamingTheSetting()
    {
        await using var app = new CcapBotFactory().With("Coordinators:DemoIdentity", "admin");
        var e = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Coordinators:DemoIdentity", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePage_OffersTheLabelledSwitch_AndThenChatsAsTheDemoCoordinator()
    {
        await using var app = new CcapBotFactory().With("Coordinators:DemoIdentity", DemoIdentity).WithKestrel();
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseAddress.AbsoluteUri);

        var toggle = page.GetByRole(AriaRole.Checkbox, new() { Name = Label });
        await Assertions.Expect(toggle).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(toggle).Not.ToBeCheckedAsync();
        await Assertions.Expect(Text(page, Welcome)).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await SayAsync(page, "reviews");
        await Assertions.Expect(Text(page, "Sorry, only Clean Air Asia coordinators can approve or return registrations and applications. Nothing was changed."))
            .ToBeVisibleAsync(new() { Timeout = 20_000 });

        await toggle.CheckAsync(); // the page reloads as the demo coordinator
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = Label })).ToBeCheckedAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(Text(page, Welcome)).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await SayAsync(page, "reviews");
        await Assertions.Expect(Text(page, "Nothing is waiting for review.")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        Assert.Contains(DemoIdentity, await app.QueryAsync(db => db.DirectLineConversations.Select(c => c.UserId).ToListAsync()));
    }

    [Fact]
    public async Task TheDemoCoordinator_DecidesOnTheWebChat_AndTheCardThereUpdatesInPlace()
    {
        await using var world = await BotWorld.StartAsync(new() { Configure = b => b.With("Coordinators:DemoIdentity", DemoIdentity).WithKestrel() });
        using var coordinator = await WebChatUser.StartAsync(world.Bot.BaseAddress, "en-US", DemoIdentity);
        var hoa = world.Teams("29:hoa", "Hoa", Guid.NewGuid().ToString());
        await hoa.RegisterAsync("Viet Nam", "Hoi An", "hoa@hoian.gov.vn");

        var delivered = await coordinator.WaitForAsync(a => a.Card() is { } c && c.Text().Contains("New city registration: Hoi An", StringComparison.Ordinal));
        var card = delivered.Card()!;
        Assert.Equal(["review.approve", "review.return"], card.Verbs()); // web chat: Action.Submit with data.verb
        var approved = await coordinator.PressAsync(card, "Approve");

        Assert.Contains("Approved: New city registration: Hoi An, Vietnam. The applicant has been told.", approved.AllText(), StringComparison.Ordinal);
        var updated = await coordinator.WaitForAsync(a => a.Id == delivered.Id && a.Card() is { } c && c.Text().Contains("✔ Approved by", StringComparison.Ordinal));
        Assert.Empty(updated.Card()!.Verbs());
        Assert.Equal(CcapBot.Domain.CityStatus.Approved, (await world.QueryAsync(db => db.Cities.SingleAsync())).Status);
    }

    private static ILocator Text(IPage page, string text) => page.GetByRole(AriaRole.Feed).GetByText(text, new() { Exact = true });

    private static async Task SayAsync(IPage page, string text)
    {
        var input = page.GetByPlaceholder("Type your message");
        await Assertions.Expect(input).ToBeEditableAsync(new() { Timeout = 20_000 });
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }
}
