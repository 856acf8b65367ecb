using System.Net;
using System.Text;
using CcapBot.Protocol.Auth;
using CcapBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static CcapBot.Tests.Protocol.Auth.AuthenticatedBot;

namespace CcapBot.Tests.Protocol.Auth;

/// <summary>The bot's outbound token: obtained from a local token endpoint (real HTTP), cached, renewed before expiry.</summary>
public sealed class ConnectorTokenTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoTurnsWithReplies_NeedOneTokenRequest()
    {
        await using var env = new AuthenticatedBot();
        await env.InitializeAsync();

        Assert.Equal(HttpStatusCode.OK, (await env.PostAsync(env.TeamsMessage("hi").Build(), env.ChannelKey, env.ChannelClaims())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await env.PostAsync(env.TeamsMessage("hello again").Build(), env.ChannelKey, env.ChannelClaims())).StatusCode);

        var calls = await env.Connector.WaitForAsync(3);
        Assert.All(calls, call => Assert.Equal("Bearer bot-token-1", call.Authorization));
        Assert.Single(env.Identity.TokenRequests);
    }

    [Fact]
    public async Task Token_IsRenewedFiveMinutesBeforeItExpires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var env = new AuthenticatedBot { Clock = clock };
        await env.InitializeAsync();

        await env.PostAsync(env.TeamsMessage("one").Build(), env.ChannelKey, env.ChannelClaims());
        await env.Connector.WaitForAsync(2);
        clock.Advance(TimeSpan.FromMinutes(54));
        await env.PostAsync(env.TeamsMessage("two").Build(), env.ChannelKey, env.ChannelClaims());
        await env.Connector.WaitForAsync(3);
        Assert.Single(env.Identity.TokenRequests);

        clock.Advance(TimeSpan.FromMinutes(2)); // 56 min: inside the renewal margin of a 60 min token
        await env.PostAsync(env.TeamsMessage("three").Build(), env.ChannelKey, env.ChannelClaims());

        var calls = await env.Connector.WaitForAsync(4);
        Assert.Equal("Bearer bot-token-2", calls[3].Authorization);
        Assert.All(calls.Take(3), call => Assert.Equal("Bearer bot-token-1", call.Authorization));
        Assert.Equal(2, env.Identity.TokenRequests.Count);
    }

    [Fact]
    public async Task WithoutAnAppId_RepliesCarryNoToken()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = new CcapBotFactory();

        var response = await bot.CreateClient().PostAsync("/api/messages",
            new StringContent(ActivityBuilder.Message("hi").To(connector.ServiceUrl).Json(), Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = await connector.WaitForAsync(2);
        Assert.All(calls, call => Assert.Equal("", call.Authorization));
    }

    [Fact]
    public async Task ConcurrentCallers_ShareOneTokenRequest()
    {
        await using var identity = await FakeIdentityServer.StartAsync();
        identity.HoldTokenRequests = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var source = TokenSource(SingleTenant(identity), TimeProvider.System);

        var callers = Enumerable.Range(0, 10).Select(_ => source.GetTokenAsync(new Uri("https://smba.trafficmanager.net/amer/"), Cancel).AsTask()).ToList();
        await identity.WaitForTokenRequestAsync(1);
        identity.HoldTokenRequests.SetResult();
        var tokens = await Task.WhenAll(callers);

        Assert.All(tokens, token => Assert.Equal("bot-token-1", token));
        Assert.Single(identity.TokenRequests);
    }

    [Fact]
    public async Task MultiTenantBot_AsksTheBotFrameworkTenant()
    {
        await using var identity = await FakeIdentityServer.StartAsync();
        var options = SingleTenant(identity);
        options.AppType = BotAppType.MultiTenant;
        options.TenantId = null;
        using var source = TokenSource(options, TimeProvider.System);

        Assert.Equal("bot-token-1", await source.GetTokenAsync(new Uri("https://smba.trafficmanager.net/teams/"), Cancel));

        var request = Assert.Single(identity.TokenRequests);
        Assert.Equal("/botframework.com/oauth2/v2.0/token", request.Path);
        Assert.Equal(AppId, request.Values["client_id"]);
    }

    [Fact]
    public async Task UserAssignedManagedIdentity_UsesTheIdentityEndpoint_AndItsExpiresOn()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var identity = await FakeIdentityServer.StartAsync();
        identity.Now = clock.GetUtcNow;
        var options = new BotAuthOptions
        {
            AppId = AppId,
            AppType = BotAppType.UserAssignedMSI,
            TenantId = TenantId,
            ManagedIdentityClientId = "msi-client-id",
            ManagedIdentityEndpoint = identity.ManagedIdentityEndpoint,
        };
        using var source = TokenSource(options, clock);
        var serviceUrl = new Uri("https://smba.trafficmanager.net/teams/");

        Assert.Equal("bot-token-1", await source.GetTokenAsync(serviceUrl, Cancel));
        clock.Advance(TimeSpan.FromMinutes(54));
        Assert.Equal("bot-token-1", await source.GetTokenAsync(serviceUrl, Cancel));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("bot-token-2", await source.GetTokenAsync(serviceUrl, Cancel));

        var request = identity.TokenRequests[0];
        Assert.Equal("/msi/token", request.Path);
        Assert.Equal("https://api.botframework.com", request.Values["resource"]);
        Assert.Equal("msi-client-id", request.Values["client_id"]);
        Assert.Equal("2019-08-01", request.Values["api-version"]);
    }

    [Fact]
    public async Task RefusedTokenRequest_ReportsEntrasErrorCode_NeverTheSecret()
    {
        await using var identity = await FakeIdentityServer.StartAsync();
        identity.TokenFailureStatus = 401;
        using var source = TokenSource(SingleTenant(identity), TimeProvider.System);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => source.GetTokenAsync(new Uri("https://smba.trafficmanager.net/teams/"), Cancel).AsTask());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("invalid_client AADSTS7000215", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AppPassword, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAnAppId_TheSourceGivesNoToken()
    {
        using var source = TokenSource(new BotAuthOptions { AuthorityHost = "http://127.0.0.1:9" }, TimeProvider.System);

        Assert.Null(await source.GetTokenAsync(new Uri("https://smba.trafficmanager.net/teams/"), Cancel));
    }

    private static BotAuthOptions SingleTenant(FakeIdentityServer identity) => new()
    {
        AppId = AppId,
        AppType = BotAppType.SingleTenant,
        TenantId = TenantId,
        AppPassword = AppPassword,
        AuthorityHost = identity.BaseUrl,
    };

    private static BotConnectorTokenSource TokenSource(BotAuthOptions options, TimeProvider clock) =>
        new(new PlainHttpClientFactory(), Options.Create(options), clock, NullLogger<BotConnectorTokenSource>.Instance);

    private sealed class PlainHttpClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }
}
