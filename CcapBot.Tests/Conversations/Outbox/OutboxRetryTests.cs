using CcapBot.Conversations.Outbox;

namespace CcapBot.Tests.Conversations.Outbox;

public sealed class OutboxRetryTests
{
    private static readonly OutboxOptions Options = new() { InitialBackoff = TimeSpan.FromSeconds(10), MaxBackoff = TimeSpan.FromMinutes(5) };

    [Theory]
    [InlineData(412, true)]
    [InlineData(429, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(413, false)]
    [InlineData(500, false)]
    public void IsTransient_FollowsTheTeamsRetryTable(int status, bool transient) => Assert.Equal(transient, OutboxRetry.IsTransient(status));

    [Theory]
    [InlineData(1, 0.0, 5)]
    [InlineData(1, 0.999, 10)]
    [InlineData(2, 0.0, 10)]
    [InlineData(3, 0.5, 30)]
    [InlineData(6, 0.999, 299.85)]
    [InlineData(60, 0.0, 150)]
    public void Delay_DoublesPerAttempt_WithJitter_UpToTheCeiling(int attempt, double jitter, double expectedSeconds) =>
        Assert.Equal(expectedSeconds, OutboxRetry.Delay(attempt, null, Options, jitter).TotalSeconds, 0.1);

    [Fact]
    public void Delay_IsNeverShorterThanRetryAfter() =>
        Assert.Equal(TimeSpan.FromMinutes(2), OutboxRetry.Delay(1, TimeSpan.FromMinutes(2), Options, 0.5));

    [Fact]
    public void Delay_KeepsItsBackoff_WhenRetryAfterIsShorter() =>
        Assert.Equal(40, OutboxRetry.Delay(3, TimeSpan.FromSeconds(1), Options, 0.999).TotalSeconds, 0.1);
}
