using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using CcapBot.Protocol.Connector;
using CcapBot.Protocol.Schema;
using CcapBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CcapBot.Tests.Protocol.Connector;

/// <summary>The Connector client's retries, against a real-HTTP fake Connector; waits run on a fake clock.</summary>
public sealed class ConnectorRetryHandlerTests : IAsyncLifetime
{
    private const string Conversation = "a:personal-1";
    private FakeConnector _connector = null!;

    public async ValueTask InitializeAsync() => _connector = await FakeConnector.StartAsync();
    public async ValueTask DisposeAsync() => await _connector.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Activity Reply(string text = "hello") => new() { Type = ActivityTypes.Message, Text = text, From = ActivityBuilder.Bot };

    /// <summary>The connector answers <paramref name="status"/> to the first <paramref name="times"/> calls, then 200.</summary>
    private void FailFirst(int times, int status, IDictionary<string, string>? headers = null)
    {
        var seen = 0;
        _connector.Respond = _ => Interlocked.Increment(ref seen) <= times
            ? (status, $$$"""{"error":{"code":"E{{{status}}}","message":"try later"}}""", headers)
            : null;
    }

    private static ConnectorClient Client(TimeProvider clock, ConnectorOptions? options = null) =>
        new(new HttpClient(new ConnectorRetryHandler(Options.Create(options ?? new ConnectorOptions()), clock, NullLogger<ConnectorRetryHandler>.Instance)
        {
            InnerHandler = new SocketsHttpHandler(),
        })
        {
            Timeout = TimeSpan.FromSeconds(20), // a stuck retry fails the test quickly
        });

    [Fact]
    public async Task TooManyRequests_WithRetryAfterSeconds_WaitsThatLong_ThenDeliversOnce()
    {
        var clock = new DelayRecorder();
        FailFirst(1, 429, new Dictionary<string, string> { ["Retry-After"] = "2" });

        var send = Client(clock).SendAsync(_connector.ServiceUrl, Conversation, Reply(), Cancel);
        await clock.WaitForTimerAsync();

        Assert.Equal(TimeSpan.FromSeconds(2), Assert.Single(clock.Delays));
        clock.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(send.IsCompleted);
        Assert.Single(_connector.Calls);
        clock.Advance(TimeSpan.FromSeconds(0.1));
        var sent = await send;

        Assert.Equal("sent-1", sent.Id);
        var calls = _connector.Calls;
        Assert.Equal([429, 200], calls.Select(c => c.Status));
        Assert.Equal(calls[0].Body, calls[1].Body);
        Assert.Contains("\"text\":\"hello\"", calls[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyRequests_WithRetryAfterDate_WaitsUntilThatDate()
    {
        var clock = new DelayRecorder(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        FailFirst(1, 429, new Dictionary<string, string> { ["Retry-After"] = clock.GetUtcNow().AddSeconds(3).ToString("R", CultureInfo.InvariantCulture) });

        var send = Client(clock).SendAsync(_connector.ServiceUrl, Conversation, Reply(), Cancel);
        await clock.WaitForTimerAsync();
        clock.Advance(TimeSpan.FromSeconds(3));
        await send;

        Assert.Equal(TimeSpan.FromSeconds(3), Assert.Single(clock.Delays));
        Assert.Equal(2, _connector.Calls.Count);
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task TransientStatus_IsRetriedAfterAJitteredBackoff(int status)
    {
        var clock = new DelayRecorder { FireImmediately = true };
        FailFirst(1, status);

        var sent = await Client(clock).ReplyAsync(_connector.ServiceUrl, Conversation, "1485983408511", Reply(), Cancel);

        Assert.Equal("sent-1", sent.Id);
        Assert.Equal([status, 200], _connector.Calls.Select(c => c.Status));
        Assert.InRange(Assert.Single(clock.Delays), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(413)]
    [InlineData(500)]
    public async Task OtherFailures_AreNotRetried(int status)
    {
        var clock = new DelayRecorder { FireImmediately = true };
        FailFirst(1, status);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client(clock).SendAsync(_connector.ServiceUrl, Conversation, Reply(), Cancel));

        Assert.Equal(status, error.StatusCode);
        Assert.Single(_connector.Calls);
        Assert.Empty(clock.Delays);
    }

    [Fact]
    public async Task ServiceUnavailableEveryTime_GivesUpAfterTheLastAttempt_WithExponentialWaits()
    {
        var clock = new DelayRecorder { FireImmediately = true };
        FailFirst(int.MaxValue, 503);
        var options = new ConnectorOptions { MaxAttempts = 4, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(8), MaxTotalDelay = TimeSpan.FromMinutes(1) };

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client(clock, options).SendAsync(_connector.ServiceUrl, Conversation, Reply(), Cancel));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(4, _connector.Calls.Count);
        var delays = clock.Delays;
        Assert.Equal(3, delays.Count);
        Assert.InRange(delays[0], TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
        Assert.InRange(delays[1], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.InRange(delays[2], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task Backoff_IsCappedAndTheTotalWaitIsBounded()
    {
        var clock = new DelayRecorder { FireImmediately = true };
        FailFirst(int.MaxValue, 502);
        var options = new ConnectorOptions { MaxAttempts = 10, BaseDelay = TimeSpan.FromSeconds(4), MaxDelay = TimeSpan.FromSeconds(5), MaxTotalDelay = TimeSpan.FromSeconds(12) };

        await Assert.ThrowsAsync<ConnectorException>(() => Client(clock, options).SendAsync(_connector.ServiceUrl, Conversation, Reply(), Cancel));

        var delays = clock.Delays;
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)));
        Assert.InRange(delays.Aggregate(TimeSpan.Zero, (a, b) => a + b), TimeSpan.Zero, TimeSpan.FromSeconds(12));
        Assert.InRange(_connector.Calls.Count, 3, 5);
    }

    [Fact]
    public async Task RetryAfterBeyondTheBudget_GivesUpAtOnce_AndPassesTheWaitToTheCaller()
    {
        var clock = new DelayRecorder { FireImmediately = true };
        FailFirst(1, 429, new Dictionary<string, string> { ["Retry-After"] = "120" });

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client(clock).SendAsync(_connector.ServiceUrl, Conversation, Reply(), Cancel));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.Single(_connector.Calls);
        Assert.Empty(clock.Delays);
    }

    [Fact]
    public async Task TheBotsConnectorClient_RetriesThroughConfiguration()
    {
        await using var bot = new CcapBotFactory().With("Connector:BaseDelay", "00:00:00");
        FailFirst(1, 503);

        var response = await bot.CreateClient().PostAsync("/api/messages",
            new StringContent(ActivityBuilder.Message("hi").To(_connector.ServiceUrl).Json(), Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = await _connector.WaitForAsync(3);
        Assert.Equal([503, 200, 200], calls.Select(c => c.Status));
        Assert.Equal(calls[0].Body, calls[1].Body);
    }

    /// <summary>A fake clock that records every wait; with <see cref="FireImmediately"/> the waits end at once.</summary>
    private sealed class DelayRecorder : FakeTimeProvider
    {
        private readonly ConcurrentQueue<TimeSpan> _delays = new();
        private readonly SemaphoreSlim _created = new(0);

        public DelayRecorder() { }
        public DelayRecorder(DateTimeOffset start) : base(start) { }

        public bool FireImmediately { get; init; }
        public IReadOnlyList<TimeSpan> Delays => [.. _delays];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            // Registered before the test hears of it: advancing first would leave the timer behind, forever pending.
            var timer = FireImmediately
                ? System.CreateTimer(callback, state, TimeSpan.Zero, Timeout.InfiniteTimeSpan)
                : base.CreateTimer(callback, state, dueTime, period);
            _delays.Enqueue(dueTime);
            _created.Release();
            return timer;
        }

        public async Task WaitForTimerAsync() => Assert.True(await _created.WaitAsync(TimeSpan.FromSeconds(10)), "no wait was scheduled");
    }
}
