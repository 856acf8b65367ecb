using CcapBot.Domain;
using CcapBot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CcapBot.Tests.Features.Partnering;

/// <summary>
/// The C3 cities of the partnering tests, seeded into a <see cref="BotWorld"/> (on Kestrel, so the local Direct Line
/// can call back; the outbox runs when a test delivers): approved Hai Phong (learning, Vietnamese, Asia/Ho_Chi_Minh)
/// with a learning application on emissions inventory and port operations; approved Kitakyushu (Asia/Tokyo) and San
/// Diego with mentor offers; Taipei willing to mentor. Their representatives are known on no channel until linked.
/// </summary>
public sealed class PartneringCities
{
    /// <summary>Fri 20 Feb 2026, 10:00 in Hai Phong.</summary>
    public static readonly DateTimeOffset Start = new(2026, 2, 20, 3, 0, 0, TimeSpan.Zero);
    public const string CoordinatorUser = "29:coordinator";
    public const string LanUser = "29:haiphong-lan";
    public const string MinhUser = "29:haiphong-minh";
    public const string TanakaUser = "29:kitakyushu-tanaka";
    public const string MariaUser = "29:sandiego-maria";

    private readonly BotWorld _world;
    private readonly Dictionary<string, City> _cities = [];
    private readonly Dictionary<string, Representative> _representatives = [];

    private PartneringCities(BotWorld world) => _world = world;

    public City this[string name] => _cities[name];
    public int HaiphongApplication { get; private set; }

    /// <summary>
    /// A world on the fake clock at <see cref="Start"/>. With <paramref name="teamsTokens"/>, every Teams activity is
    /// signed and the web chat is a deployed one (its secret and public URL configured up front).
    /// </summary>
    public static async Task<(BotWorld World, PartneringCities Cities)> StartAsync(bool teamsTokens)
    {
        var world = await BotWorld.StartAsync(new()
        {
            Clock = new FakeTimeProvider(Start),
            TeamsTokens = teamsTokens,
            ManualWorkers = true,
            Coordinators = ["aad-" + CoordinatorUser],
            Configure = bot =>
            {
                if (!teamsTokens)
                {
                    bot.WithKestrel();
                    return;
                }
                var port = CcapBotFactory.FreePort();
                bot.With("DirectLine:Secret", "partnering-tests-direct-line-secret-0123456789").With("DirectLine:ServiceUrl", $"http://127.0.0.1:{port}/").WithKestrel(port);
            },
        });
        _ = world.Bot.BaseAddress;
        var cities = new PartneringCities(world);
        await world.SeedAsync(cities.SeedAsync);
        return (world, cities);
    }

    /// <summary>Links a channel identity to a representative, by name (what registration does).</summary>
    public Task LinkAsync(string representative, string channelId, string userId, string? aadObjectId = null) =>
        _world.SeedAsync(seed => seed.LinkAsync(_representatives[representative], channelId, userId, aadObjectId));

    public Representative Representative(string name) => _representatives[name];

    /// <summary>A confirmed partnership made directly through the domain (for tests that start later in the process).</summary>
    public async Task<int> PartnershipAsync(string mentor, string learning, Action<Partnership>? then = null)
    {
        var coordinator = PartnershipActor.Coordinator(CoordinatorUser);
        var partnership = Partnership.Propose("Emissions inventory", "emissions-inventory",
            new PartnershipMember(_cities[mentor].Id), [new PartnershipMember(_cities[learning].Id)], coordinator, _world.Now);
        partnership.Confirm(coordinator, _world.Now);
        then?.Invoke(partnership);
        await _world.WithDbAsync(db =>
        {
            db.Partnerships.Add(partnership);
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        return partnership.Id;
    }

    private async Task SeedAsync(Seed seed)
    {
        foreach (var (name, country, zone, role, languages, representatives) in new (string, string, string, CityRole, List<string>, (string Name, string Language)[])[]
        {
            ("Hai Phong", "VN", "Asia/Ho_Chi_Minh", CityRole.Learning, ["vi", "en"], [("Nguyen Thi Lan", "vi"), ("Tran Van Minh", "vi")]),
            ("Kitakyushu", "JP", "Asia/Tokyo", CityRole.Mentor, ["ja", "en"], [("Tanaka Yuki", "en"), ("Sato Ken", "en")]),
            ("San Diego", "US", "America/Los_Angeles", CityRole.Mentor, ["en"], [("Maria Lopez", "en")]),
            ("Taipei", "TW", "Asia/Taipei", CityRole.Both, ["zh", "en"], [("Lin Wei", "en")]),
        })
        {
            var city = await seed.CityAsync(name, country, zone, role, languages, agency: "Environment department", consentToPublish: false);
            _cities[name] = city;
            for (var i = 0; i < representatives.Length; i++)
            {
                _representatives[representatives[i].Name] = await seed.RepresentativeAsync(city, representatives[i].Name,
                    $"rep{i + 1}@{TextKey.Normalize(name)}.example", language: representatives[i].Language, focal: i == 0);
            }
        }

        var haiphong = Application(_cities["Hai Phong"], ApplicationKind.Learning, ["emissions-inventory", "port-operations"], specific: [401, 403, 301]);
        haiphong.StaffHoursPerMonth = 8;
        seed.Db.Applications.AddRange(
            haiphong,
            Application(_cities["Kitakyushu"], ApplicationKind.Mentor, ["emissions-inventory", "port-operations"], capacity: 2, hours: 12),
            Application(_cities["San Diego"], ApplicationKind.Mentor, ["emissions-inventory"], capacity: 1, hours: 10));
        await seed.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        HaiphongApplication = haiphong.Id;
    }

    private Application Application(City city, ApplicationKind kind, List<string> categories, int? capacity = null, int? hours = null, List<int>? specific = null) => new()
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
        SubmittedByRepresentativeId = _representatives.Values.First(r => r.CityId == city.Id && r.IsFocalPerson).Id,
        SubmittedAt = Start,
    };
}
