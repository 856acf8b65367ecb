using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CcapBot.Bench;

/// <summary>One simulated Teams user in a personal chat, walking through a script of utterances.</summary>
internal sealed class SimulatedConversation(int number, string runId, Script script)
{
    private int _turn;
    private int _round;

    public string ConversationId => $"a:bench-{runId}-{number}-{_round}";
    public bool MidForm => _turn > 0 && _turn < script.Turns.Count;

    /// <summary>The next activity; a finished script starts over in a new conversation.</summary>
    public string NextActivityJson(string serviceUrl)
    {
        if (_turn == script.Turns.Count)
        {
            _turn = 0;
            _round++;
        }
        var text = script.Turn(_turn++, $"{runId}-{number}-{_round}", number);
        return JsonSerializer.Serialize(new
        {
            type = "message",
            id = Guid.NewGuid().ToString("N"),
            timestamp = DateTimeOffset.UtcNow,
            channelId = "msteams",
            serviceUrl,
            // A new user per round: a form finished once would open as a summary the next time.
            from = new { id = $"29:bench-user-{runId}-{number}-{_round}", name = $"Bench User {number}" },
            recipient = new { id = "28:" + LocalMicrosoft.AppId, name = "CcapBot" },
            conversation = new { id = ConversationId, conversationType = "personal", tenantId = LocalMicrosoft.TenantId },
            locale = "en-US",
            localTimezone = "Asia/Ho_Chi_Minh",
            text,
            channelData = new { tenant = new { id = LocalMicrosoft.TenantId } },
        });
    }
}

internal sealed record LoadResult(int Turns, int Errors, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double TurnsPerSecond => Turns / Elapsed.TotalSeconds;
    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0) return double.NaN;
        var sorted = LatenciesMs.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}

/// <summary>Closed and open loop drivers over POST /api/messages.</summary>
internal sealed class Load(HttpClient http, Uri bot, LocalMicrosoft microsoft, Script script)
{
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private readonly string _token = microsoft.ChannelToken(TimeSpan.FromHours(2));

    public SimulatedConversation NewConversation(int number) => new(number, _runId, script);

    public async Task<bool> TurnAsync(SimulatedConversation conversation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(bot, "api/messages"))
        {
            Content = new StringContent(conversation.NextActivityJson(microsoft.ServiceUrl), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        try
        {
            // The bot answers 200 only after its replies reached the connector: this is request → last reply.
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>N conversations, each sending its next turn as soon as the previous one is answered.</summary>
    public async Task<LoadResult> ClosedLoopAsync(int concurrency, TimeSpan duration, int firstConversation = 0)
    {
        var latencies = new List<double>[concurrency];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async i =>
        {
            var mine = latencies[i] = [];
            var conversation = NewConversation(firstConversation + i);
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                if (!await TurnAsync(conversation)) Interlocked.Increment(ref errors);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        });
        await Task.WhenAll(workers);
        var all = latencies.SelectMany(l => l).ToArray();
        return new LoadResult(all.Length, errors, clock.Elapsed, all);
    }

    /// <summary>
    /// Turns start on a fixed schedule whatever the bot's speed; latency counts from the scheduled start,
    /// so a slow bot cannot hide queueing (no coordinated omission). Each turn uses a conversation that is
    /// not mid-turn, as a real user waits for the answer before typing again.
    /// </summary>
    public async Task<LoadResult> OpenLoopAsync(double turnsPerSecond, TimeSpan duration, int conversations, int firstConversation = 0)
    {
        var idle = new System.Collections.Concurrent.ConcurrentQueue<SimulatedConversation>(
            Enumerable.Range(0, conversations).Select(i => NewConversation(firstConversation + i)));
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var errors = 0;
        var total = (int)(turnsPerSecond * duration.TotalSeconds);
        var interval = TimeSpan.FromSeconds(1 / turnsPerSecond);
        var clock = Stopwatch.StartNew();
        var inflight = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = interval * i;
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
            inflight.Add(Task.Run(async () =>
            {
                SimulatedConversation? conversation;
                while (!idle.TryDequeue(out conversation)) await Task.Yield();
                try
                {
                    if (!await TurnAsync(conversation)) Interlocked.Increment(ref errors);
                }
                finally
                {
                    idle.Enqueue(conversation);
                }
                latencies.Add((clock.Elapsed - due).TotalMilliseconds);
            }));
        }
        await Task.WhenAll(inflight);
        return new LoadResult(total, errors, clock.Elapsed, [.. latencies]);
    }
}
