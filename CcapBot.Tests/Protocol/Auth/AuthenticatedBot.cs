using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CcapBot.Protocol.Schema;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CcapBot.Tests.Protocol.Auth;

/// <summary>
/// The bot configured with an app id (single-tenant) against a local <see cref="FakeIdentityServer"/> for every
/// Microsoft endpoint, replying to a <see cref="FakeConnector"/>. All of it real HTTP on loopback.
/// </summary>
public sealed class AuthenticatedBot : IAsyncLifetime
{
    public const string AppId = "6f1c3b2a-0d4e-4c5b-9a8f-1e2d3c4b5a69";
    public const string TenantId = "0b7c2f4e-8a1d-4e3b-9c6f-5d2a1b0e9f87";
    public const string AppPassword = "test-secret-not-real";
    public const string OtherAppId = "11111111-2222-3333-4444-555555555555";
    /// <summary>The Emulator's tenants (Auth v3.1 and v3.2), as in the SDK's issuer list.</summary>
    public const string EmulatorTenant31 = "d6d49420-f39b-4df7-a1dc-d59a935871db";
    public const string EmulatorTenant32 = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";
    public static readonly string[] ChannelEndorsements = ["msteams", "webchat", "directline", "skype"];

    /// <summary>When set (before start), the bot's clock.</summary>
    public FakeTimeProvider? Clock { get; init; }
    public FakeIdentityServer Identity { get; private set; } = null!;
    public FakeConnector Connector { get; private set; } = null!;
    public CcapBotFactory Bot { get; private set; } = null!;
    public LogCapture Logs => Bot.Logs;
    public TestSigningKey ChannelKey { get; } = new("channel-key-1");
    public TestSigningKey EntraKey { get; } = new("entra-key-1");
    /// <summary>Published for Web Chat only, never for Teams.</summary>
    public TestSigningKey WebChatOnlyKey { get; } = new("webchat-only-key");

    public DateTimeOffset Now => Clock?.GetUtcNow() ?? DateTimeOffset.UtcNow;

    public async ValueTask InitializeAsync()
    {
        Identity = await FakeIdentityServer.StartAsync();
        Connector = await FakeConnector.StartAsync();
        Identity.PublishChannelKey(ChannelKey, ChannelEndorsements);
        Identity.PublishChannelKey(WebChatOnlyKey, "webchat");
        Identity.PublishEntraKey(EntraKey);
        if (Clock is not null) Identity.Now = Clock.GetUtcNow;

        Bot = new CcapBotFactory { Clock = Clock }
            .With("Bot:AppId", AppId)
            .With("Bot:AppType", "SingleTenant")
            .With("Bot:TenantId", TenantId)
            .With("Bot:AppPassword", AppPassword)
            .With("Bot:ChannelOpenIdMetadataUrl", Identity.ChannelMetadataUrl)
            .With("Bot:EmulatorOpenIdMetadataUrl", Identity.EntraMetadataUrl)
            .With("Bot:AuthorityHost", Identity.BaseUrl);
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        await Identity.DisposeAsync();
    }

    /// <summary>What the Bot Connector service puts in a token it sends to the bot.</summary>
    public Dictionary<string, object> ChannelClaims(string? serviceUrl = null) => new()
    {
        ["iss"] = FakeIdentityServer.ChannelIssuer,
        ["aud"] = AppId,
        ["serviceurl"] = serviceUrl ?? Connector.ServiceUrl,
    };

    /// <summary>An Entra token as the Emulator obtains it with the bot's credentials (v1: appid, v2: azp).</summary>
    public static Dictionary<string, object> EntraClaims(string issuer, string? version, string appId = AppId)
    {
        var claims = new Dictionary<string, object> { ["iss"] = issuer, ["aud"] = AppId, ["tid"] = TenantId };
        if (version is not null) claims["ver"] = version;
        claims[version == "2.0" ? "azp" : "appid"] = appId;
        return claims;
    }

    public static string V1Issuer(string tenant) => $"https://sts.windows.net/{tenant}/";
    public string V2Issuer(string tenant) => $"{Identity.BaseUrl}/{tenant}/v2.0";

    public string Sign(TestSigningKey key, Dictionary<string, object> claims) => key.Sign(claims, Now.AddMinutes(-1), Now.AddHours(1));

    public ActivityBuilder TeamsMessage(string text = "hi") => ActivityBuilder.Message(text).To(Connector.ServiceUrl);

    public Task<HttpResponseMessage> PostAsync(Activity activity, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return Bot.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> PostAsync(Activity activity, TestSigningKey key, Dictionary<string, object> claims) =>
        PostAsync(activity, new AuthenticationHeaderValue("Bearer", Sign(key, claims)).ToString());

    /// <summary>The reason the endpoint logged for the last refusal.</summary>
    public string LastRefusal() => Logs.Entries.LastOrDefault(e => e.EventId == 1001)?.Message ?? "(no refusal logged)";

    public async Task AssertNothingStoredAsync()
    {
        Assert.Equal(0, await Bot.QueryAsync(db => db.ConversationMembers.CountAsync()));
        Assert.Equal(0, await Bot.QueryAsync(db => db.ProcessedActivities.CountAsync()));
        Assert.Empty(Connector.Calls);
    }
}
