using System.Net;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CcapBot.Tests.Protocol.Auth.AuthenticatedBot;

namespace CcapBot.Tests.Protocol.Auth;

/// <summary>Tokens the bot must accept, end to end: signed by keys a local OpenID server publishes.</summary>
public sealed class InboundAuthTests : IAsyncLifetime
{
    private readonly AuthenticatedBot _env = new();

    public ValueTask InitializeAsync() => _env.InitializeAsync();
    public ValueTask DisposeAsync() => _env.DisposeAsync();

    [Fact]
    public async Task TeamsMessage_SignedByAnEndorsedChannelKey_IsAccepted_AndTheReplyCarriesTheBotsToken()
    {
        var response = await _env.PostAsync(_env.TeamsMessage().Build(), _env.ChannelKey, _env.ChannelClaims());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = await _env.Connector.WaitForAsync(2);
        Assert.All(calls, call => Assert.Equal("Bearer bot-token-1", call.Authorization));
        var tokenRequest = Assert.Single(_env.Identity.TokenRequests);
        Assert.Equal($"/{TenantId}/oauth2/v2.0/token", tokenRequest.Path);
        Assert.Equal("client_credentials", tokenRequest.Values["grant_type"]);
        Assert.Equal(AppId, tokenRequest.Values["client_id"]);
        Assert.Equal(AppPassword, tokenRequest.Values["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", tokenRequest.Values["scope"]);
        Assert.Equal(1, await _env.Bot.QueryAsync(db => db.ProcessedActivities.CountAsync()));
    }

    [Fact]
    public async Task ServiceUrlClaim_IsComparedCaseInsensitively()
    {
        var response = await _env.PostAsync(_env.TeamsMessage().Build(), _env.ChannelKey, _env.ChannelClaims(_env.Connector.ServiceUrl.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TokenExpiredWithinTheFiveMinuteSkew_IsAccepted()
    {
        var token = _env.ChannelKey.Sign(_env.ChannelClaims(), _env.Now.AddHours(-1), _env.Now.AddMinutes(-4));

        var response = await _env.PostAsync(_env.TeamsMessage().Build(), "Bearer " + token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Rs512Token_IsAccepted()
    {
        var token = _env.ChannelKey.Sign(_env.ChannelClaims(), _env.Now.AddMinutes(-1), _env.Now.AddHours(1), "RS512");

        var response = await _env.PostAsync(_env.TeamsMessage().Build(), "Bearer " + token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Emulator v3.1, v1 token", "1.0")]
    [InlineData("Emulator v3.1, v1 token without ver", null)]
    [InlineData("Emulator v3.2, v2 token", "2.0")]
    [InlineData("single-tenant, v1 token", "1.0")]
    [InlineData("single-tenant, v2 token", "2.0")]
    public async Task EntraTokens_FromTheEmulatorOrTheBotsTenant_AreAccepted(string kind, string? version)
    {
        var issuer = kind switch
        {
            "Emulator v3.1, v1 token" or "Emulator v3.1, v1 token without ver" => V1Issuer(EmulatorTenant31),
            "Emulator v3.2, v2 token" => _env.V2Issuer(EmulatorTenant32),
            "single-tenant, v1 token" => V1Issuer(TenantId),
            "single-tenant, v2 token" => _env.V2Issuer(TenantId),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var activity = _env.TeamsMessage().OnChannel("emulator").Build();

        var response = await _env.PostAsync(activity, _env.EntraKey, EntraClaims(issuer, version));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = await _env.Connector.WaitForAsync(1);
        Assert.Equal("Bearer bot-token-1", calls[0].Authorization);
    }
}
