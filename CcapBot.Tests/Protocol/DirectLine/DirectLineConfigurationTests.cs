using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CcapBot.Protocol.DirectLine;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CcapBot.Tests.Protocol.DirectLine;

/// <summary>Behaviour that depends on how the channel is configured (its own app each).</summary>
public sealed class DirectLineConfigurationTests
{
    private const string Secret = "test-direct-line-secret-0123456789abcdef";

    [Fact]
    public async Task ExpiredToken_Is403TokenExpired_AndStoresNothing_ButRefreshedTokensWork()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new CcapBotFactory { Clock = clock }.WithKestrel();
        using var client = new DirectLineDriver(app.BaseAddress);
        var session = await client.StartedSessionAsync();
        var before = await app.QueryAsync(db => db.DirectLineActivities.CountAsync());

        clock.Advance(TimeSpan.FromMinutes(31));
        using var post = await client.PostActivityAsync(session.Token, session.ConversationId, new { type = "message", text = "too late" });
        using var get = await client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{session.ConversationId}/activities", session.Token);
        using var refresh = await client.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh", session.Token);

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("TokenExpired", await ErrorCodeAsync(post));
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode); // an expired token cannot be refreshed
        Assert.Equal(before, await app.QueryAsync(db => db.DirectLineActivities.CountAsync()));
        Assert.True((await client.SessionAsync(session.UserId)).Resume); // the page gets a fresh token for the same conversation
    }

    [Fact]
    public async Task Secret_StartsANewConversationPerCall_AndOpensEveryConversation()
    {
        await using var app = new CcapBotFactory().With("DirectLine:Secret", Secret).WithKestrel();
        using var client = new DirectLineDriver(app.BaseAddress);

        var (firstStatus, first) = await client.StartAsync(Secret, new { user = new { id = "dl_secret-user", name = "Ana" }, locale = "vi-VN" });
        var (secondStatus, second) = await client.StartAsync(Secret);
        var sessionConversation = (await client.StartedSessionAsync()).ConversationId;
        var history = await client.GetActivitiesAsync(Secret, sessionConversation);

        Assert.Equal(HttpStatusCode.Created, firstStatus);
        Assert.Equal(HttpStatusCode.Created, secondStatus);
        Assert.NotEqual(first!.ConversationId, second!.ConversationId);
        Assert.True(Assert.Single(history.Activities).IsWelcome());
        // The secret's conversation runs as any other: the welcome followed the start locale.
        var welcome = Assert.Single((await client.GetActivitiesAsync(first.Token!, first.ConversationId!)).Activities);
        Assert.Equal("vi-VN", welcome.Locale);
        Assert.Equal("dl_secret-user", welcome.Recipient!.Id);
    }

    [Fact]
    public async Task TokensGenerate_NeedsTheSecret_AndDoesNotContactTheBot()
    {
        await using var app = new CcapBotFactory().With("DirectLine:Secret", Secret).WithKestrel();
        using var client = new DirectLineDriver(app.BaseAddress);

        using var generated = await client.SendAsync(HttpMethod.Post, "v3/directline/tokens/generate", Secret, DirectLineDriver.Json(new { user = new { id = "dl_generated" } }));
        var token = (await generated.Content.ReadFromJsonAsync(DirectLineJsonContext.Default.DirectLineConversation, TestContext.Current.CancellationToken))!;
        using var withToken = await client.SendAsync(HttpMethod.Post, "v3/directline/tokens/generate", token.Token);
        using var badUser = await client.SendAsync(HttpMethod.Post, "v3/directline/tokens/generate", Secret, DirectLineDriver.Json(new { user = new { id = "admin" } }));

        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badUser.StatusCode);
        Assert.Empty((await client.GetActivitiesAsync(token.Token!, token.ConversationId!)).Activities); // not started, no welcome yet
        var (status, _) = await client.StartAsync(token.Token!);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Single((await client.GetActivitiesAsync(token.Token!, token.ConversationId!)).Activities);
    }

    [Fact]
    public async Task WithAnAppIdAndNoSecret_TheWebChatIsNotMapped()
    {
        await using var app = WithAppId(new CcapBotFactory());
        using var client = app.CreateClient();

        using var page = await client.GetAsync("/", TestContext.Current.CancellationToken);
        using var start = await client.PostAsync("/v3/directline/conversations", null, TestContext.Current.CancellationToken);
        using var session = await client.PostAsync("/api/webchat/session", DirectLineDriver.Json(new { userId = DirectLineDriver.NewUserId() }), TestContext.Current.CancellationToken);
        using var connector = await client.PostAsync("/v3/conversations/x/activities", DirectLineDriver.Json(new { type = "message" }), TestContext.Current.CancellationToken);

        Assert.All([page, start, session, connector], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
    }

    [Fact]
    public async Task WithAnAppIdAndASecret_TheWebChatIsServed()
    {
        await using var app = WithAppId(new CcapBotFactory())
            .With("DirectLine:Secret", Secret)
            .With("DirectLine:ServiceUrl", "https://bot.example.org/");
        using var client = app.CreateClient();

        using var page = await client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>CCAP City-to-City Cooperation</title>", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAnAppId_ThePageLoadsThePinnedWebChatBundle()
    {
        await using var app = new CcapBotFactory();
        using var client = app.CreateClient();

        var page = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        using var bundle = await client.GetAsync("/lib/webchat.js", TestContext.Current.CancellationToken);

        Assert.Contains("<script src=\"lib/webchat.js\"></script>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.True(bundle.Content.Headers.ContentLength > 1_000_000, "wwwroot/lib/webchat.js should be the full Web Chat bundle");
    }

    private static CcapBotFactory WithAppId(CcapBotFactory factory) => factory
        .With("Bot:AppId", "00000000-0000-0000-0000-0000000000b0")
        .With("Bot:TenantId", "00000000-0000-0000-0000-00000000000a")
        .With("Bot:AppPassword", "test-password");

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return body.RootElement.GetProperty("error").GetProperty("code").GetString();
    }
}
