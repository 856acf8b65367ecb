using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using CcapBot.Conversations.Outbox;
using CcapBot.Domain;
using CcapBot.Persistence;
using CcapBot.Protocol.Schema;
using CcapBot.Tests.Infrastructure;
using CcapBot.Tests.Protocol.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CcapBot.Tests.Features.Partnering;

/// <summary>
/// The bot (real HTTP, real SQLite, on Kestrel so the local Direct Line can call back) with the C3 cities of the
/// partnering tests seeded through the DbContext: approved Hai Phong (learning, Vietnamese, Asia/Ho_Chi_Minh) with a
/// learning application on emissions inventory and port operations; approved Kitakyushu (Asia/Tokyo) and San Diego
/// with mentor offers; Taipei willing to mentor. The outbox worker does not run by itself: <see cref="DeliverAsync"/>
/// sends what is due, on a fake clock. With <c>teamsTokens</c>, every Teams activity carries a channel token the bot
/// validates against a local identity server.
/// </summary>
public sealed class PartneringWorld : IAsyncDisposable
{
    /// <summary>Fri 20 Feb 2026, 10:00 in Hai Phong.</summary>
    public static readonly DateTimeOffset Start = new(2026, 2, 20, 3, 0, 0, TimeSpan.Zero);
    public const string CoordinatorUser = "29:coordinator";
    public const string LanUser = "29:haiphong-lan";
    public const string MinhUser = "29:haiphong-minh";
    public const string MariaUser = "29:sandiego-maria";

    private readonly AuthenticatedBot? _auth;
    private readonly FakeConnector? _connector;

    private PartneringWorld(AuthenticatedBot? auth, FakeConnector? connector, CcapBotFactory bot, FakeTimeProvider clock)
    {
        _auth = auth;
        _connector = connector;
        Bot = bot;
        Clock = clock;
    }

    public CcapBotFactory Bot { get; }
    public FakeTimeProvider Clock { get; }
    public FakeConnector Connector => _auth?.Connector ?? _connector!;
    public Dictionary<string, City> Cities { get; } = [];
    public Dictionary<string, Representative> Representatives { get; } = [];
    public int HaiphongApplication { get; private set; }

    public static async Task<PartneringWorld> StartAsync(bool teamsTokens)
    {
        var clock = new FakeTimeProvider(Start);
        PartneringWorld world;
        if (teamsTokens)
        {
            var auth = new AuthenticatedBot { Clock = clock };
            await auth.InitializeAsync();
            world = new PartneringWorld(auth, null, auth.Bot, clock);
        }
        else
        {
            world = new PartneringWorld(null, await FakeConnector.StartAsync(), new CcapBotFactory { Clock = clock }, clock);
        }
        world.Bot.With("Outbox:Enabled", "false").With("Coordinators:Identities:0", "aad-" + CoordinatorUser);
        if (teamsTokens)
        {
            // With an app id the web chat is a deployed one: it needs its secret and its public URL up front.
            var port = CcapBotFactory.FreePort();
            world.Bot.With("DirectLine:Secret", "partnering-tests-direct-line-secret-0123456789").With("DirectLine:ServiceUrl", $"http://127.0.0.1:{port}/").WithKestrel(port);
        }
        else
        {
            world.Bot.WithKestrel();
        }
        _ = world.Bot.BaseAddress;
        await world.SeedAsync();
        return world;
    }

    /// <summary>A Teams user in their 1:1 chat with the bot (signed when the world is).</summary>
    public BotConversation Teams(string userId, string locale = "en-US", string? timeZone = null)
    {
        var client = Bot.CreateClient();
        if (_auth is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _auth.Sign(_auth.ChannelKey, _auth.ChannelClaims()));
        return new BotConversation(client, Connector, "a:" + userId[3..]) { UserId = userId, Locale = locale, LocalTimezone = timeZone };
    }

    /// <summary>Sends every due outbox row (updates wait for the message they update, so this runs until nothing is left).</summary>
    public async Task DeliverAsync()
    {
        var worker = Bot.Services.GetRequiredService<OutboxWorker>();
        while (await worker.RunOnceAsync(TestContext.Current.CancellationToken) > 0) { }
        var stuck = await Bot.QueryAsync(db => db.OutboxMessages.Where(m => m.Status != OutboxStatus.Sent).Select(m => m.IdempotencyKey + " " + m.Status + " " + m.LastError).ToListAsync());
        Assert.True(stuck.Count == 0, "Not delivered: " + string.Join("; ", stuck));
    }

    /// <summary>Links a channel identity to a representative (what registration does).</summary>
    public async Task LinkAsync(string representative, string channelId, string userId, string? aadObjectId = null)
    {
        await using var scope = Bot.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CcapDbContext>();
        db.RepresentativeIdentities.Add(new RepresentativeIdentity { RepresentativeId = Representatives[representative].Id, ChannelId = channelId, UserId = userId, AadObjectId = aadObjectId });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Connector calls to one Teams user's 1:1 conversation (sends and updates).</summary>
    public IReadOnlyList<ConnectorCall> CallsTo(string userId) =>
        [.. Connector.Calls.Where(c => c.Path.Contains(Uri.EscapeDataString("a:" + userId[3..]), StringComparison.Ordinal) && c.Activity?.Type != ActivityTypes.Typing)];

    /// <summary>What the outbox delivered to a user (first sends, not in-place updates), wherever their conversation is.</summary>
    public Task<List<Activity>> DeliveredToAsync(string userId) => Bot.QueryAsync(async db =>
        (await db.OutboxMessages.AsNoTracking().Where(m => m.UserId == userId && m.Status == OutboxStatus.Sent && m.UpdateOfKey == null).OrderBy(m => m.Id)
            .Select(m => m.Activity).ToListAsync()).Select(json => JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.Activity)!).ToList());

    /// <summary>The outbox row that sent a card of <paramref name="topic"/> to <paramref name="userId"/>: its id in the conversation.</summary>
    public Task<OutboxMessage> CopyAsync(string topic, string userId) =>
        Bot.QueryAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Topic == topic && m.UserId == userId && m.UpdateOfKey == null));

    public Task<T> QueryAsync<T>(Func<CcapDbContext, Task<T>> query) => Bot.QueryAsync(query);

    /// <summary>Every input of a card with its value (what a client sends with an action), including inputs inside show-cards.</summary>
    public static Dictionary<string, string> InputsOf(JsonNode card)
    {
        var inputs = new Dictionary<string, string>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    if (((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true && (string?)o["id"] is { } id)
                        inputs[id] = o["value"] is JsonValue v ? v.ToString() : "";
                    foreach (var (_, child) in o) Walk(child);
                    break;
                case JsonArray a:
                    foreach (var child in a) Walk(child);
                    break;
            }
        }
        Walk(card);
        return inputs;
    }

    /// <summary>The action on <paramref name="card"/> with this verb (and, when given, this data value).</summary>
    public static JsonObject Action(JsonObject card, string verb, string? key = null, int? value = null) =>
        AllActions(card).Single(a => VerbOf(a) == verb && (key is null || a["data"]?[key]?.GetValue<int>() == value));

    /// <summary>Action.Execute names its verb; the web chat's Action.Submit carries it in its data.</summary>
    public static string? VerbOf(JsonObject action) => (string?)action["verb"] ?? (string?)action["data"]?["verb"];

    /// <summary>Every action on a card, also those inside show-cards (but not the Action.Submit fallbacks).</summary>
    public static IEnumerable<JsonObject> AllActions(JsonNode? node) => node switch
    {
        JsonObject o when ((string?)o["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true =>
            [o, .. AllActions(o["card"])],
        JsonObject o => o.Where(p => p.Key != "fallback").Select(p => p.Value).SelectMany(AllActions),
        JsonArray a => a.SelectMany(AllActions),
        _ => [],
    };

    public static JsonObject? CardOf(Activity? activity) =>
        activity?.Attachments?.FirstOrDefault(a => a.ContentType == Attachment.AdaptiveCardContentType)?.Content is { } content ? JsonNode.Parse(content.GetRawText())!.AsObject() : null;

    public static string TextOf(JsonNode? card) => BotConversation.Text(card);

    private async Task SeedAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = Bot.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CcapDbContext>();
        foreach (var city in new[]
        {
            City("Hai Phong", "VN", "Asia/Ho_Chi_Minh", CityRole.Learning, ["vi", "en"], ("Nguyen Thi Lan", "vi"), ("Tran Van Minh", "vi")),
            City("Kitakyushu", "JP", "Asia/Tokyo", CityRole.Mentor, ["ja", "en"], ("Tanaka Yuki", "en"), ("Sato Ken", "en")),
            City("San Diego", "US", "America/Los_Angeles", CityRole.Mentor, ["en"], ("Maria Lopez", "en")),
            City("Taipei", "TW", "Asia/Taipei", CityRole.Both, ["zh", "en"], ("Lin Wei", "en")),
        })
        {
            Cities[city.Name] = city;
            db.Cities.Add(city);
        }
        await db.SaveChangesAsync(ct);
        foreach (var r in Cities.Values.SelectMany(c => c.Representatives)) Representatives[r.Name] = r;

        var haiphong = Application(Cities["Hai Phong"], ApplicationKind.Learning, ["emissions-inventory", "port-operations"], specific: [401, 403, 301]);
        haiphong.StaffHoursPerMonth = 8;
        db.Applications.AddRange(
            haiphong,
            Application(Cities["Kitakyushu"], ApplicationKind.Mentor, ["emissions-inventory", "port-operations"], capacity: 2, hours: 12),
            Application(Cities["San Diego"], ApplicationKind.Mentor, ["emissions-inventory"], capacity: 1, hours: 10));
        await db.SaveChangesAsync(ct);
        HaiphongApplication = haiphong.Id;
    }

    private static City City(string name, string country, string zone, CityRole role, List<string> languages, params (string Name, string Language)[] representatives) => new()
    {
        Name = name,
        CountryCode = country,
        TimeZone = zone,
        Agency = "Environment department",
        RoleInterest = role,
        WorkingLanguages = languages,
        Status = CityStatus.Approved,
        Representatives = [.. representatives.Select((r, i) => new Representative
        {
            Name = r.Name, Email = $"rep{i + 1}@{TextKey.Normalize(name)}.example", TimeZone = zone, PreferredLanguage = r.Language,
            Active = true, IsFocalPerson = i == 0,
        })],
    };

    private static Application Application(City city, ApplicationKind kind, List<string> categories, int? capacity = null, int? hours = null, List<int>? specific = null) => new()
    {
        CityId = city.Id,
        Kind = kind,
        Categories = categories,
        SpecificActions = specific ?? [],
        PeriodStart = new DateOnly(2026, 3, 1),
        PeriodEnd = new DateOnly(2026, 12, 1),
        WaysOfWorking = ["email", "teleconference"],
        Capacity = capacity,
        StaffHoursPerMonth = hours,
        Status = ReviewStatus.Approved,
        SubmittedByRepresentativeId = city.Representatives[0].Id,
        SubmittedAt = Start,
    };

    /// <summary>A confirmed partnership made directly through the domain (for tests that start later in the process).</summary>
    public async Task<int> PartnershipAsync(string mentor, string learning, Action<Partnership>? then = null)
    {
        await using var scope = Bot.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CcapDbContext>();
        var coordinator = PartnershipActor.Coordinator(CoordinatorUser);
        var partnership = Partnership.Propose("Emissions inventory", "emissions-inventory",
            new PartnershipMember(Cities[mentor].Id), [new PartnershipMember(Cities[learning].Id)], coordinator, Clock.GetUtcNow());
        partnership.Confirm(coordinator, Clock.GetUtcNow());
        then?.Invoke(partnership);
        db.Partnerships.Add(partnership);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return partnership.Id;
    }

    public async ValueTask DisposeAsync()
    {
        if (_auth is not null)
        {
            await _auth.DisposeAsync();
        }
        else
        {
            await Bot.DisposeAsync();
            await _connector!.DisposeAsync();
        }
    }
}
