using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using CcapBot.Conversations.Outbox;
using CcapBot.Features.Reminders;
using CcapBot.Persistence;
using CcapBot.Protocol.Schema;
using CcapBot.Tests.Protocol.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CcapBot.Tests.Infrastructure;

/// <summary>How a <see cref="BotWorld"/> is set up.</summary>
public sealed record BotWorldOptions
{
    /// <summary>The bot's clock; the system clock when not given.</summary>
    public FakeTimeProvider? Clock { get; init; }

    /// <summary>
    /// The bot configured with an app id, every Microsoft endpoint a local fake: each Teams activity carries a channel
    /// token the bot validates, and the bot signs what it sends.
    /// </summary>
    public bool TeamsTokens { get; init; }

    /// <summary>The outbox and the scheduler run only when the test says so (<see cref="BotWorld.RunOutboxAsync"/>, <see cref="BotWorld.TickAsync"/>).</summary>
    public bool ManualWorkers { get; init; }

    /// <summary>The configured coordinator identities (Coordinators:Identities).</summary>
    public IReadOnlyList<string> Coordinators { get; init; } = [];

    /// <summary>A connector shared with other worlds (several hosts of one bot); the world does not dispose it.</summary>
    public FakeConnector? Connector { get; init; }

    /// <summary>A database file shared with other worlds; the world does not delete it.</summary>
    public string? DatabaseFile { get; init; }

    /// <summary>More settings, before the bot starts.</summary>
    public Action<CcapBotFactory>? Configure { get; init; }
}

/// <summary>
/// The real bot (HTTP, turn pipeline, SQLite) with a <see cref="FakeConnector"/> in front of it, and the people who talk
/// to it. Tests make people (<see cref="Teams"/>, <see cref="Chat"/>), have them talk (<see cref="BotConversation"/>),
/// read what reached the connector for them, start from data seeded straight into the database (<see cref="SeedAsync"/>)
/// and look into it (<see cref="QueryAsync{T}"/>). Feature tests add their own starting state on top with small
/// builders that use this world.
/// </summary>
public sealed class BotWorld : IAsyncDisposable
{
    private readonly AuthenticatedBot? _auth;
    private readonly bool _ownsConnector;

    private BotWorld(CcapBotFactory bot, FakeConnector connector, AuthenticatedBot? auth, bool ownsConnector)
    {
        Bot = bot;
        Connector = connector;
        _auth = auth;
        _ownsConnector = ownsConnector;
    }

    public CcapBotFactory Bot { get; }
    public FakeConnector Connector { get; }
    /// <summary>The bot's fake clock, if it has one.</summary>
    public FakeTimeProvider? Clock => Bot.Clock;
    public LogCapture Logs => Bot.Logs;
    public DateTimeOffset Now => Clock?.GetUtcNow() ?? DateTimeOffset.UtcNow;

    public static async Task<BotWorld> StartAsync(BotWorldOptions? options = null)
    {
        options ??= new BotWorldOptions();
        BotWorld world;
        if (options.TeamsTokens)
        {
            var auth = new AuthenticatedBot { Clock = options.Clock };
            await auth.InitializeAsync();
            world = new BotWorld(auth.Bot, auth.Connector, auth, ownsConnector: false);
        }
        else
        {
            var bot = new CcapBotFactory(options.DatabaseFile) { Clock = options.Clock, OwnsDatabaseFile = options.DatabaseFile is null };
            world = new BotWorld(bot, options.Connector ?? await FakeConnector.StartAsync(), null, ownsConnector: options.Connector is null);
        }
        if (options.ManualWorkers) world.Bot.With("Outbox:Enabled", "false").With("Scheduler:Enabled", "false");
        for (var i = 0; i < options.Coordinators.Count; i++) world.Bot.With($"Coordinators:Identities:{i}", options.Coordinators[i]);
        options.Configure?.Invoke(world.Bot);
        return world;
    }

    /// <summary>A client of the bot's endpoint; in a signed world every request carries the Bot Connector service's token.</summary>
    public HttpClient Client()
    {
        var client = Bot.CreateClient();
        if (_auth is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _auth.Sign(_auth.ChannelKey, _auth.ChannelClaims()));
        return client;
    }

    /// <summary><paramref name="person"/> talking in their conversation.</summary>
    public BotConversation Chat(Person person, string locale = "en-US", string? localTimezone = null) =>
        new(Client(), Connector, person, locale) { LocalTimezone = localTimezone };

    /// <summary>A Teams user in their 1:1 chat with the bot (see <see cref="Person.Teams"/>).</summary>
    public BotConversation Teams(string userId, string? name = null, string? aadObjectId = null, string locale = "en-US", string? localTimezone = null) =>
        Chat(Person.Teams(userId, name, aadObjectId), locale, localTimezone);

    /// <summary>Seeds data straight into the database (people as if they had talked to the bot, at <see cref="Now"/>).</summary>
    public Task SeedAsync(Func<Seed, Task> work) => Bot.WithDbAsync(db => work(new Seed(db, Connector.ServiceUrl, Now)));

    public Task<T> SeedAsync<T>(Func<Seed, Task<T>> work) => Bot.QueryAsync(db => work(new Seed(db, Connector.ServiceUrl, Now)));

    /// <summary>A context of its own, for assertions.</summary>
    public Task<T> QueryAsync<T>(Func<CcapDbContext, Task<T>> query) => Bot.QueryAsync(query);

    /// <summary>A context of its own, to change data behind the app's back.</summary>
    public Task WithDbAsync(Func<CcapDbContext, Task> work) => Bot.WithDbAsync(work);

    /// <summary>One scheduler tick at the bot's clock.</summary>
    public Task<TickResult> TickAsync() => Bot.Services.GetRequiredService<ReminderScheduler>().TickAsync(TestContext.Current.CancellationToken);

    /// <summary>Sends what the outbox has due (updates wait for the message they update, so this runs until nothing is left).</summary>
    public async Task RunOutboxAsync()
    {
        var worker = Bot.Services.GetRequiredService<OutboxWorker>();
        while (await worker.RunOnceAsync(TestContext.Current.CancellationToken) > 0) { }
    }

    /// <summary>Sends every outbox row, and fails if any was not delivered.</summary>
    public async Task DeliverAllAsync()
    {
        await RunOutboxAsync();
        var stuck = await QueryAsync(db => db.OutboxMessages.Where(m => m.Status != OutboxStatus.Sent).Select(m => m.IdempotencyKey + " " + m.Status + " " + m.LastError).ToListAsync());
        Assert.True(stuck.Count == 0, "Not delivered: " + string.Join("; ", stuck));
    }

    /// <summary>The outbox row that first sent a card of <paramref name="topic"/> to <paramref name="userId"/> (its id in the conversation, once sent).</summary>
    public Task<OutboxMessage> OutboxCopyAsync(string topic, string userId) =>
        QueryAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Topic == topic && m.UserId == userId && m.UpdateOfKey == null));

    /// <summary>The card the outbox sent <paramref name="userId"/> for <paramref name="topic"/>, as first sent.</summary>
    public async Task<JsonObject> SentCardAsync(string topic, string userId) =>
        JsonSerializer.Deserialize((await OutboxCopyAsync(topic, userId)).Activity, ProtocolJsonContext.Default.Activity).Card()
            ?? throw new InvalidOperationException($"The {topic} message to {userId} has no card.");

    /// <summary>The card of the last in-place update of an outbox copy that reached the connector.</summary>
    public JsonObject LatestUpdateOf(OutboxMessage copy) =>
        Connector.Calls.Last(c => c.Method == "PUT" && c.Path.EndsWith("/activities/" + copy.SentActivityId, StringComparison.Ordinal)).Card();

    /// <summary>What the outbox delivered to a user (first sends, not in-place updates), wherever their conversation is.</summary>
    public Task<List<Activity>> DeliveredToAsync(string userId) => QueryAsync(async db =>
        (await db.OutboxMessages.AsNoTracking().Where(m => m.UserId == userId && m.Status == OutboxStatus.Sent && m.UpdateOfKey == null).OrderBy(m => m.Id)
            .Select(m => m.Activity).ToListAsync()).Select(json => JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.Activity)!).ToList());

    public async ValueTask DisposeAsync()
    {
        // What the app logged helps to read a failure; a test known to have passed needs none of it.
        if (TestContext.Current.TestState?.Result != TestResult.Passed)
            foreach (var entry in Logs.Entries) TestContext.Current.TestOutputHelper?.WriteLine(entry.ToString());
        if (_auth is not null)
        {
            await _auth.DisposeAsync();
            return;
        }
        await Bot.DisposeAsync();
        if (_ownsConnector) await Connector.DisposeAsync();
    }
}
