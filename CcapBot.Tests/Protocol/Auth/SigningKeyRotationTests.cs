using System.Net;
using CcapBot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CcapBot.Tests.Protocol.Auth;

/// <summary>The signing key cache: fetched once, refreshed daily and on an unknown kid, never hammered.</summary>
public sealed class SigningKeyRotationTests : IAsyncLifetime
{
    private readonly AuthenticatedBot _env = new() { Clock = new FakeTimeProvider(DateTimeOffset.UtcNow) };

    public ValueTask InitializeAsync() => _env.InitializeAsync();
    public ValueTask DisposeAsync() => _env.DisposeAsync();

    private FakeTimeProvider Clock => _env.Clock!;

    private async Task<HttpStatusCode> PostAsync(TestSigningKey key) =>
        (await _env.PostAsync(_env.TeamsMessage().Build(), key, _env.ChannelClaims())).StatusCode;

    [Fact]
    public async Task Keys_AreFetchedOnce_NotOnEveryRequest()
    {
        for (var i = 0; i < 4; i++) Assert.Equal(HttpStatusCode.OK, await PostAsync(_env.ChannelKey));

        Assert.Equal(1, _env.Identity.ChannelMetadataHits);
        Assert.Equal(1, _env.Identity.ChannelKeysHits);
    }

    [Fact]
    public async Task KeyPublishedAfterTheCacheWasFilled_IsAcceptedAfterARefreshOnItsUnknownKid()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync(_env.ChannelKey));
        var rotated = new TestSigningKey("channel-key-2");
        _env.Identity.PublishChannelKey(rotated, AuthenticatedBot.ChannelEndorsements);

        Assert.Equal(HttpStatusCode.OK, await PostAsync(rotated));

        Assert.Equal(2, _env.Identity.ChannelKeysHits);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(rotated));
        Assert.Equal(2, _env.Identity.ChannelKeysHits);
    }

    [Fact]
    public async Task FloodOfUnknownKids_RefreshesAtMostOncePerFiveMinutes()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync(_env.ChannelKey));

        for (var i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(new TestSigningKey($"forged-{i}")));
        Assert.Equal(2, _env.Identity.ChannelKeysHits); // the first unknown kid may refresh; the other nine may not

        Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(new TestSigningKey("forged-late")));
        Assert.Equal(2, _env.Identity.ChannelKeysHits);

        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(new TestSigningKey("forged-later")));
        Assert.Equal(3, _env.Identity.ChannelKeysHits);
    }

    [Fact]
    public async Task Keys_AreRefreshedAfter24Hours_AndARetiredKeyStopsWorking()
    {
        var successor = new TestSigningKey("channel-key-2");
        _env.Identity.PublishChannelKey(successor, AuthenticatedBot.ChannelEndorsements);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(_env.ChannelKey));
        _env.Identity.RetireChannelKey(_env.ChannelKey);

        Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(_env.ChannelKey)); // still cached
        Assert.Equal(1, _env.Identity.ChannelKeysHits);

        Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(successor));
        Assert.Equal(2, _env.Identity.ChannelMetadataHits);
        Assert.Equal(2, _env.Identity.ChannelKeysHits);
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(_env.ChannelKey));
    }
}
