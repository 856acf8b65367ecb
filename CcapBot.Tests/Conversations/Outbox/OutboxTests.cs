using Stopwatch = System.Diagnostics.Stopwatch;
using System.Text.Json;
using CcapBot.Conversations.Outbox;
using CcapBot.Hosting;
using CcapBot.Persistence;
using CcapBot.Protocol.Schema;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CcapBot.Tests.Conversations.Outbox;

/// <summary>
/// The outbox against the real app (real SQLite file, real HTTP to a fake Connector). Tests that need exact control
/// switch the background worker off and run batches themselves on a fake clock.
/// </summary>
public sealed class OutboxTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private FakeConnector _connector = null!;
    private readonly List<CcapBotFactory> _hosts = [];

    public async ValueTask InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Throttled429WithRetryAfter_ThenOk_DeliversExactlyOnce()
    {
        var clock = Stopwatch.StartNew();
        TimeSpan? throttledAt = null, deliveredAt = null;
        _connector.Respond = call =>
        {
            if (throttledAt is null)
            {
                throttledAt = clock.Elapsed;
                return (429, """{"error":{"code":"Throttled","message":"slow down"}}""", new Dictionary<string, string> { ["Retry-After"] = "1" });
            }
            deliveredAt ??= clock.Elapsed;
            return null;
        };
        // No backoff of its own: any wait comes from Retry-After.
        var bot = Host(new CcapBotFactory().With("Outbox:InitialBackoff", "00:00:00"));

        await EnqueueAsync(bot, (w, db) => w.EnqueueAsync(db, "k-429", Target(), Text("hello"), DateTimeOffset.UtcNow));
        var row = await WaitForRowAsync(bot, "k-429", m => m.Status != OutboxStatus.Pending);

        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(["429", "200"], _connector.Calls.Select(c => c.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Single(_connector.Calls, c => c.Status == 200 && c.Activity?.Text == "hello");
        Assert.Equal("sent-1", row.SentActivityId);
        // Retry-After is a floor for the next attempt (whether the client or the outbox waited it out).
        Assert.True(deliveredAt - throttledAt >= TimeSpan.FromSeconds(0.95), $"retried after {deliveredAt - throttledAt}");
    }

    [Fact]
    public async Task WorkerStoppedMidBatch_AndRestarted_DeliversEveryRowExactlyOnce()
    {
        const int Rows = 50;
        var file = Path.Combine(Path.GetTempPath(), $"ccapbot-outbox-{Guid.NewGuid():N}.db");
        var first = Host(new CcapBotFactory(file) { OwnsDatabaseFile = false }.With("Outbox:BatchSize", "10"));
        var second = Host(new CcapBotFactory(file).With("Outbox:BatchSize", "10"));
        var stopped = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var delivered = 0;
        _connector.Respond = call =>
        {
            // The 15th send is in flight when the first host is told to stop: mid-batch, mid-call.
            if (Interlocked.Increment(ref delivered) == 15)
                _ = Task.Run(async () => { await first.DisposeAsync(); stopped.SetResult(Volatile.Read(ref delivered)); }, TestContext.Current.CancellationToken);
            return null;
        };
        _ = first.Services;
        await EnqueueAsync(first, async (w, db) =>
        {
            for (var i = 0; i < Rows; i++) await w.EnqueueAsync(db, $"k-{i}", Target(), Text($"m{i}"), DateTimeOffset.UtcNow);
        });

        var sentByFirst = await stopped.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        int stillPending;
        await using (var db = new SqliteCcapDbContext(new DbContextOptionsBuilder<SqliteCcapDbContext>().UseSqlite($"Data Source={file}").Options))
            stillPending = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending, TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => second.QueryAsync(db => db.OutboxMessages.AllAsync(m => m.Status == OutboxStatus.Sent)), "all rows sent");

        Assert.InRange(sentByFirst, 15, Rows - 1);
        Assert.Equal(Rows - sentByFirst, stillPending);
        Assert.Equal(Rows, _connector.Calls.Count);
        Assert.All(Enumerable.Range(0, Rows), i => Assert.Single(_connector.Calls, c => c.Activity?.Text == $"m{i}"));
        Assert.Equal(0, await second.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.LeaseOwner != null)));
    }

    [Fact]
    public async Task TwoWorkersOnOneDatabase_NeverDoubleSend()
    {
        const int Rows = 200;
        var file = Path.Combine(Path.GetTempPath(), $"ccapbot-outbox-{Guid.NewGuid():N}.db");
        var one = Host(new CcapBotFactory(file) { OwnsDatabaseFile = false }.With("Outbox:BatchSize", "7").With("Outbox:PollInterval", "00:00:00.010"));
        var two = Host(new CcapBotFactory(file).With("Outbox:BatchSize", "7").With("Outbox:PollInterval", "00:00:00.010"));
        _ = one.Services;
        _ = two.Services;

        await EnqueueAsync(one, async (w, db) =>
        {
            for (var i = 0; i < Rows; i++) await w.EnqueueAsync(db, $"k-{i}", Target(), Text($"m{i}"), DateTimeOffset.UtcNow);
        });
        await WaitUntilAsync(() => two.QueryAsync(db => db.OutboxMessages.AllAsync(m => m.Status == OutboxStatus.Sent)), "all rows sent");
        // Give a would-be second sender a few more polls to show itself.
        await Task.Delay(200, TestContext.Current.CancellationToken);

        Assert.Equal(Rows, _connector.Calls.Count);
        Assert.All(Enumerable.Range(0, Rows), i => Assert.Single(_connector.Calls, c => c.Activity?.Text == $"m{i}"));
    }

    [Fact]
    public async Task ExpiredLeaseOfADeadWorker_IsClaimedAgain_ALiveLeaseIsNot()
    {
        var bot = Manual();
        await EnqueueAsync(bot, async (w, db) =>
        {
            await w.EnqueueAsync(db, "orphan", Target(), Text("orphan"), Start);
            await w.EnqueueAsync(db, "held", Target(), Text("held"), Start);
        });
        await bot.QueryAsync(async db =>
        {
            await db.OutboxMessages.Where(m => m.IdempotencyKey == "orphan").ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, "dead-worker").SetProperty(m => m.LeaseUntil, Start.AddSeconds(-1)));
            return await db.OutboxMessages.Where(m => m.IdempotencyKey == "held").ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, "live-worker").SetProperty(m => m.LeaseUntil, Start.AddMinutes(1)));
        });

        Assert.Equal(1, await RunOnceAsync(bot));

        Assert.Equal(["orphan"], _connector.Calls.Select(c => c.Activity?.Text));
        Assert.Equal("live-worker", (await RowAsync(bot, "held")).LeaseOwner);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public async Task ConversationGone_MakesTheRowDead_AndDeactivatesTheReference(int status)
    {
        var bot = Manual();
        await AddMembersAsync(bot, "a:gone", "29:user-1", "29:user-2");
        await AddMembersAsync(bot, "a:other", "29:user-1");
        _connector.Respond = call => call.Path.Contains("a%3Agone", StringComparison.Ordinal)
            ? (status, """{"error":{"code":"ConversationBlockedByUser","message":"blocked"}}""", null) : null;
        await EnqueueAsync(bot, (w, db) => w.EnqueueAsync(db, "k-gone", Target("a:gone"), Text("hello"), Start));

        await RunOnceAsync(bot);
        bot.Clock!.Advance(TimeSpan.FromDays(1));
        await RunOnceAsync(bot);

        var row = await RowAsync(bot, "k-gone");
        Assert.Equal(OutboxStatus.Dead, row.Status);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), row.LastError, StringComparison.Ordinal);
        Assert.Single(_connector.Calls);
        var members = await bot.QueryAsync(db => db.ConversationMembers.OrderBy(m => m.ConversationId).ThenBy(m => m.UserId).Select(m => new { m.ConversationId, m.Active }).ToListAsync());
        Assert.Equal([("a:gone", false), ("a:gone", false), ("a:other", true)], members.Select(m => (m.ConversationId, m.Active)));
    }

    [Theory]
    [InlineData("ActivityNotFoundInConversation", true)]
    [InlineData("ConversationNotFound", false)]
    public async Task UpdateAnswered404_IsDead_AndDeactivatesOnlyWhenTheConversationIsGone(string code, bool stillActive)
    {
        var bot = Manual();
        await AddMembersAsync(bot, "a:conv-1", "29:user-1");
        _connector.Respond = _ => (404, $$$"""{"error":{"code":"{{{code}}}","message":"not found"}}""", new Dictionary<string, string> { ["Content-Type"] = "application/json" });
        await EnqueueAsync(bot, (w, db) => w.EnqueueUpdateAsync(db, "k-upd", Target(), "sent-0", Text("v2"), Start));

        await RunOnceAsync(bot);

        Assert.Equal(OutboxStatus.Dead, (await RowAsync(bot, "k-upd")).Status);
        Assert.Equal(stillActive, await bot.QueryAsync(db => db.ConversationMembers.Select(m => m.Active).SingleAsync()));
    }

    [Fact]
    public async Task BadRequest400_IsDead_AndNotRetried()
    {
        var bot = Manual();
        await AddMembersAsync(bot, "a:conv-1", "29:user-1");
        _connector.Respond = _ => (400, """{"error":{"code":"BadArgument","message":"no"}}""", null);
        await EnqueueAsync(bot, (w, db) => w.EnqueueAsync(db, "k-400", Target(), Text("hello"), Start));

        await RunOnceAsync(bot);
        bot.Clock!.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await RunOnceAsync(bot));

        var row = await RowAsync(bot, "k-400");
        Assert.Equal((OutboxStatus.Dead, 1), (row.Status, row.Attempts));
        Assert.Single(_connector.Calls);
        Assert.True(await bot.QueryAsync(db => db.ConversationMembers.AllAsync(m => m.Active)));
    }

    [Fact]
    public async Task NetworkFailure_IsRetriedWithGrowingBackoff_ThenDeadAfterMaxAttempts()
    {
        var bot = Manual(("Outbox:MaxAttempts", "3"), ("Outbox:InitialBackoff", "00:00:10"), ("Outbox:MaxBackoff", "00:10:00"));
        // Nothing listens on port 1 of the loopback: the connection is refused.
        await EnqueueAsync(bot, (w, db) => w.EnqueueAsync(db, "k-net", Target() with { ServiceUrl = "http://127.0.0.1:1/" }, Text("hello"), Start));

        await RunOnceAsync(bot);
        var first = await RowAsync(bot, "k-net");
        Assert.Equal(0, await RunOnceAsync(bot));
        bot.Clock!.Advance(first.DueAt - Start);
        await RunOnceAsync(bot);
        var second = await RowAsync(bot, "k-net");
        bot.Clock.Advance(second.DueAt - bot.Clock.GetUtcNow());
        await RunOnceAsync(bot);
        var last = await RowAsync(bot, "k-net");

        Assert.Equal((OutboxStatus.Pending, 1), (first.Status, first.Attempts));
        Assert.InRange(first.DueAt - Start, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
        Assert.Equal((OutboxStatus.Pending, 2), (second.Status, second.Attempts));
        Assert.InRange(second.DueAt - (Start + (first.DueAt - Start)), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));
        Assert.Equal((OutboxStatus.Dead, 3), (last.Status, last.Attempts));
        Assert.Null(last.LeaseOwner);
        Assert.NotNull(last.LastError);
    }

    [Fact]
    public async Task TeamsUserWithoutConversation_IsCreatedWithTenant_ThenSent_AndReusedNextTime()
    {
        var bot = Manual();
        _connector.Respond = call => call is { Method: "POST", Path: "/v3/conversations" }
            ? (200, """{"id":"a:created-1"}""", new Dictionary<string, string> { ["Content-Type"] = "application/json" }) : null;
        var target = OutboxTarget.TeamsUser(_connector.ServiceUrl, ActivityBuilder.Bot.Id!, "29:new-user", "tenant-9", "Tran Thi B");

        await EnqueueAsync(bot, (w, db) => w.EnqueueAsync(db, "k-new", target, Text("first"), Start));
        await RunOnceAsync(bot);
        await EnqueueAsync(bot, (w, db) => w.EnqueueAsync(db, "k-again", target, Text("second"), Start));
        await RunOnceAsync(bot);

        var calls = _connector.Calls;
        Assert.Equal(["POST /v3/conversations", "POST /v3/conversations/a%3Acreated-1/activities", "POST /v3/conversations/a%3Acreated-1/activities"],
            calls.Select(c => $"{c.Method} {c.Path}"));
        using var create = JsonDocument.Parse(calls[0].Body);
        var body = create.RootElement;
        Assert.Equal(ActivityBuilder.Bot.Id, body.GetProperty("bot").GetProperty("id").GetString());
        Assert.Equal("29:new-user", Assert.Single(body.GetProperty("members").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal("tenant-9", body.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.Equal("tenant-9", body.GetProperty("tenantId").GetString());
        Assert.False(body.GetProperty("isGroup").GetBoolean());
        var sent = calls[1].Activity!;
        Assert.Equal(("first", "a:created-1", "tenant-9", "29:new-user", ActivityBuilder.Bot.Id), (sent.Text, sent.Conversation?.Id, sent.Conversation?.TenantId, sent.Recipient?.Id, sent.From?.Id));
        var member = await bot.QueryAsync(db => db.ConversationMembers.SingleAsync());
        Assert.Equal(("a:created-1", "29:new-user", "tenant-9", true, false), (member.ConversationId, member.UserId, member.TenantId, member.Active, member.IsGroup));
        Assert.Equal("a:created-1", (await RowAsync(bot, "k-new")).ConversationId);
        Assert.Equal(OutboxStatus.Sent, (await RowAsync(bot, "k-again")).Status);
    }

    [Fact]
    public async Task SameKeyTwice_GivesOneRow_AndOneSend()
    {
        var bot = Manual();
        var answers = new List<bool>();
        await EnqueueAsync(bot, async (w, db) =>
        {
            answers.Add(await w.EnqueueAsync(db, "k-same", Target(), Text("once"), Start));
            answers.Add(await w.EnqueueAsync(db, "k-same", Target(), Text("twice"), Start));
        });
        await EnqueueAsync(bot, async (w, db) => answers.Add(await w.EnqueueAsync(db, "k-same", Target(), Text("thrice"), Start)));

        await RunOnceAsync(bot);
        await RunOnceAsync(bot);

        Assert.Equal([true, false, false], answers);
        Assert.Equal(1, await bot.QueryAsync(db => db.OutboxMessages.CountAsync()));
        Assert.Equal(["once"], _connector.Calls.Select(c => c.Activity?.Text));
    }

    [Fact]
    public async Task SameKeyInTwoRacingUnitsOfWork_TheSecondCommitFails_AndLeavesOneRow()
    {
        var bot = Manual();
        await using var a = bot.CreateScope();
        await using var b = bot.CreateScope();
        var dbA = a.ServiceProvider.GetRequiredService<CcapDbContext>();
        var dbB = b.ServiceProvider.GetRequiredService<CcapDbContext>();
        var writer = bot.Services.GetRequiredService<OutboxWriter>();

        Assert.True(await writer.EnqueueAsync(dbA, "k-race", Target(), Text("a"), Start, cancellationToken: TestContext.Current.CancellationToken));
        Assert.True(await writer.EnqueueAsync(dbB, "k-race", Target(), Text("b"), Start, cancellationToken: TestContext.Current.CancellationToken));
        await dbA.SaveChangesAsync(TestContext.Current.CancellationToken);

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => dbB.SaveChangesAsync(TestContext.Current.CancellationToken));
        Assert.Equal("a", JsonSerializer.Deserialize((await bot.QueryAsync(db => db.OutboxMessages.SingleAsync())).Activity, ProtocolJsonContext.Default.Activity)!.Text);
    }

    [Fact]
    public async Task UpdateOfAnEarlierMessage_ReplacesWhatItSent_InPlace()
    {
        var bot = Manual();
        await EnqueueAsync(bot, async (w, db) =>
        {
            await w.EnqueueAsync(db, "card", Target(), Text("v1"), Start);
            await w.EnqueueUpdateOfAsync(db, "card:v2", "card", Text("v2"), Start);
        });

        await RunOnceAsync(bot);

        Assert.Equal(["POST /v3/conversations/a%3Aconv-1/activities v1", "PUT /v3/conversations/a%3Aconv-1/activities/sent-1 v2"],
            _connector.Calls.Select(c => $"{c.Method} {c.Path} {c.Activity?.Text}"));
        Assert.Equal("sent-1", _connector.Calls[1].Activity!.Id);
        Assert.Equal(OutboxStatus.Sent, (await RowAsync(bot, "card:v2")).Status);
    }

    [Fact]
    public async Task UpdateOfAMessageNotSentYet_WaitsForIt_WithoutSpendingAttempts()
    {
        var bot = Manual();
        await EnqueueAsync(bot, async (w, db) =>
        {
            await w.EnqueueAsync(db, "card", Target(), Text("v1"), Start.AddMinutes(10));
            await w.EnqueueUpdateOfAsync(db, "card:v2", "card", Text("v2"), Start);
        });

        await RunOnceAsync(bot);
        var waiting = await RowAsync(bot, "card:v2");
        bot.Clock!.Advance(TimeSpan.FromMinutes(11));
        await RunOnceAsync(bot);
        await RunOnceAsync(bot);

        Assert.Equal((OutboxStatus.Pending, 0), (waiting.Status, waiting.Attempts));
        Assert.True(waiting.DueAt > Start.AddMinutes(10));
        Assert.Equal(["POST v1", "PUT v2"], _connector.Calls.Select(c => $"{c.Method} {c.Activity?.Text}"));
    }

    [Fact]
    public async Task OlderUpdate_IsSuperseded_WhenANewerOneWasSentFirst()
    {
        var bot = Manual();
        await EnqueueAsync(bot, (w, db) => w.EnqueueAsync(db, "card", Target(), Text("v1"), Start));
        await RunOnceAsync(bot);
        await EnqueueAsync(bot, async (w, db) =>
        {
            // v2 was delayed (say, a retry); v3 went out first.
            await w.EnqueueUpdateOfAsync(db, "card:v2", "card", Text("v2"), Start.AddMinutes(5));
            await w.EnqueueUpdateOfAsync(db, "card:v3", "card", Text("v3"), Start);
        });

        await RunOnceAsync(bot);
        bot.Clock!.Advance(TimeSpan.FromMinutes(6));
        await RunOnceAsync(bot);

        Assert.Equal(["POST v1", "PUT v3"], _connector.Calls.Select(c => $"{c.Method} {c.Activity?.Text}"));
        Assert.Equal(OutboxStatus.Superseded, (await RowAsync(bot, "card:v2")).Status);
    }

    [Fact]
    public async Task UpdateOfAKnownActivity_IsAPut_ToThatActivity()
    {
        var bot = Manual();
        await EnqueueAsync(bot, (w, db) => w.EnqueueUpdateAsync(db, "rsvp:7", Target(), "19:abc;messageid=1", Text("RSVP: yes"), Start));

        await RunOnceAsync(bot);

        var call = Assert.Single(_connector.Calls);
        Assert.Equal("PUT /v3/conversations/a%3Aconv-1/activities/19%3Aabc%3Bmessageid%3D1", $"{call.Method} {call.Path}");
    }

    [Fact]
    public async Task StoredConversationThatMoved_IsSentToItsCurrentServiceUrl()
    {
        var bot = Manual();
        await AddMembersAsync(bot, "a:conv-1", "29:user-1");
        // Written when the conversation lived elsewhere (nothing listens there now); a turn has since recorded the move.
        await EnqueueAsync(bot, (w, db) => w.EnqueueAsync(db, "k-moved", Target() with { ServiceUrl = "http://127.0.0.1:1/" }, Text("hello"), Start));

        await RunOnceAsync(bot);

        Assert.Equal(OutboxStatus.Sent, (await RowAsync(bot, "k-moved")).Status);
        Assert.Equal(_connector.ServiceUrl, (await RowAsync(bot, "k-moved")).ServiceUrl);
        Assert.Single(_connector.Calls);
    }

    [Fact]
    public async Task LeaseRunningOutMidBatch_HandsTheRestBack_InsteadOfSendingLate()
    {
        var bot = Manual(("Outbox:BatchSize", "5"), ("Outbox:LeaseDuration", "00:02:00"), ("Outbox:SendTimeout", "00:01:00"));
        // The first two sends are slow (each within SendTimeout): then less than SendTimeout of the lease is left.
        _connector.Respond = _ =>
        {
            if (_connector.Calls.Count < 2) bot.Clock!.Advance(TimeSpan.FromSeconds(50));
            return null;
        };
        await EnqueueAsync(bot, async (w, db) =>
        {
            for (var i = 0; i < 5; i++) await w.EnqueueAsync(db, $"k-{i}", Target(), Text($"m{i}"), Start);
        });

        await RunOnceAsync(bot);
        var afterFirstBatch = await bot.QueryAsync(db => db.OutboxMessages.OrderBy(m => m.Id).Select(m => new { m.Status, m.LeaseOwner }).ToListAsync());
        await RunOnceAsync(bot);

        Assert.Equal([OutboxStatus.Sent, OutboxStatus.Sent, OutboxStatus.Pending, OutboxStatus.Pending, OutboxStatus.Pending], afterFirstBatch.Select(r => r.Status));
        Assert.All(afterFirstBatch, r => Assert.Null(r.LeaseOwner));
        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], _connector.Calls.Select(c => c.Activity?.Text));
    }

    [Fact]
    public async Task RowsNotYetDue_WaitForTheirTime()
    {
        var bot = Manual();
        await EnqueueAsync(bot, (w, db) => w.EnqueueAsync(db, "later", Target(), Text("later"), Start.AddHours(1)));

        Assert.Equal(0, await RunOnceAsync(bot));
        bot.Clock!.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await RunOnceAsync(bot));

        Assert.Single(_connector.Calls);
    }

    [Fact]
    public async Task Prune_DeletesDeDuplicationMarksOlderThanTheRetention()
    {
        var bot = Manual();
        await bot.QueryAsync(db =>
        {
            db.ProcessedActivities.Add(new ProcessedActivity { ChannelId = "msteams", ConversationId = "a:1", ActivityId = "old", ProcessedAt = Start.AddHours(-25) });
            db.ProcessedActivities.Add(new ProcessedActivity { ChannelId = "msteams", ConversationId = "a:1", ActivityId = "new", ProcessedAt = Start.AddHours(-23) });
            return db.SaveChangesAsync();
        });

        var deleted = await bot.Services.GetRequiredService<OutboxWorker>().PruneAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, deleted);
        Assert.Equal(["new"], await bot.QueryAsync(db => db.ProcessedActivities.Select(p => p.ActivityId).ToListAsync()));
    }

    [Theory]
    [InlineData("Outbox:BatchSize", "0")]
    [InlineData("Outbox:MaxAttempts", "0")]
    [InlineData("Outbox:PollInterval", "00:00:00")]
    [InlineData("Outbox:LeaseDuration", "00:00:30")]
    [InlineData("Outbox:MaxBackoff", "00:00:01")]
    public async Task InvalidOutboxSettings_StopTheAppAtStartup(string key, string value)
    {
        // The app's own registration on a plain host: a failing WebApplicationFactory start can surface as another exception.
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.AddOutbox();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
    }

    private CcapBotFactory Host(CcapBotFactory factory)
    {
        _hosts.Add(factory);
        return factory;
    }

    /// <summary>A host whose worker does not run: the test runs batches on a fake clock.</summary>
    private CcapBotFactory Manual(params (string Key, string Value)[] settings)
    {
        var bot = new CcapBotFactory { Clock = new FakeTimeProvider(Start) }.With("Outbox:Enabled", "false");
        foreach (var (key, value) in settings) bot.With(key, value);
        return Host(bot);
    }

    private static Task<int> RunOnceAsync(CcapBotFactory bot) =>
        bot.Services.GetRequiredService<OutboxWorker>().RunOnceAsync(TestContext.Current.CancellationToken);

    private OutboxTarget Target(string conversationId = "a:conv-1") => new()
    {
        ChannelId = Channels.MsTeams, ServiceUrl = _connector.ServiceUrl, BotId = ActivityBuilder.Bot.Id!, BotName = ActivityBuilder.Bot.Name,
        ConversationId = conversationId, UserId = "29:user-1", UserName = "Nguyen Van A", TenantId = "tenant-1",
    };

    private static Activity Text(string text) => new() { Type = ActivityTypes.Message, Text = text };

    private static async Task EnqueueAsync(CcapBotFactory bot, Func<OutboxWriter, CcapDbContext, Task> enqueue)
    {
        await using var scope = bot.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CcapDbContext>();
        await enqueue(scope.ServiceProvider.GetRequiredService<OutboxWriter>(), db);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private Task<int> AddMembersAsync(CcapBotFactory bot, string conversationId, params string[] userIds) => bot.QueryAsync(db =>
    {
        foreach (var userId in userIds)
        {
            db.ConversationMembers.Add(new ConversationMember
            {
                ChannelId = Channels.MsTeams, ConversationId = conversationId, UserId = userId, ServiceUrl = _connector.ServiceUrl,
                BotId = ActivityBuilder.Bot.Id!, FirstSeenAt = Start, LastSeenAt = Start,
            });
        }
        return db.SaveChangesAsync();
    });

    private static Task<OutboxMessage> RowAsync(CcapBotFactory bot, string key) =>
        bot.QueryAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.IdempotencyKey == key));

    private static async Task<OutboxMessage> WaitForRowAsync(CcapBotFactory bot, string key, Func<OutboxMessage, bool> condition)
    {
        OutboxMessage? row = null;
        await WaitUntilAsync(async () => condition(row = await RowAsync(bot, key)), $"row {key}");
        return row!;
    }

    /// <summary>For tests of the running worker, which works on its own schedule.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
