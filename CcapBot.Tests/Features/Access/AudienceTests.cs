using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Persistence;
using CcapBot.Tests.Features.Tracking;
using CcapBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CcapBot.Tests.Features.Access;

/// <summary>
/// The one lookup every feature writes through (reviews, partnering, reminders): who the coordinators and
/// representatives are, which conversation reaches them, and in which language, zone and hours.
/// </summary>
public sealed class AudienceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2027, 3, 15, 6, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private BotWorld _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await BotWorld.StartAsync(ActivePartnerships.Options(new FakeTimeProvider(Now)) with
    {
        Coordinators = [ActivePartnerships.CoordinatorUserId, "aad-group-coordinator", "boss@cleanairasia.org"],
    });

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task Coordinators_SeenOnlyInAGroupChat_AreReachedInANewOneToOne_AndATypedEmailReachesNobody()
    {
        var coordinators = await _bot.SeedAsync(async seed =>
        {
            var db = seed.Db;
            await seed.CoordinatorAsync(ActivePartnerships.CoordinatorUserId, "Asia/Bangkok");
            db.ConversationMembers.Add(Member("19:team-channel", "29:group-only", isGroup: true, aad: "AAD-GROUP-COORDINATOR"));
            // Someone typed the configured coordinator's email into their profile: that proves nothing.
            db.ConversationMembers.Add(Member("a:pretender", "29:pretender"));
            db.UserProfiles.Add(Profile("29:pretender", "boss@cleanairasia.org"));
            await db.SaveChangesAsync(Ct);
            return await Lookup.CoordinatorsAsync(db, Ct);
        });

        Assert.Equal(["29:coordinator", "29:group-only"], coordinators.Select(c => c.UserId));
        Assert.All(coordinators, c => Assert.True(c.IsCoordinator));
        var groupOnly = coordinators.Single(c => c.UserId == "29:group-only");
        Assert.Null(groupOnly.Target.ConversationId);
        Assert.Equal("tenant-1", groupOnly.Target.TenantId);
        Assert.Equal("a:coordinator", coordinators.Single(c => c.UserId == "29:coordinator").Target.ConversationId);
    }

    [Fact]
    public async Task Representatives_AreReachedWhereTheyWroteLast_InTheirOwnLanguage_WithTheirProfilesHours()
    {
        var (recipients, rep) = await _bot.SeedAsync(async seed =>
        {
            var db = seed.Db;
            var city = await seed.CityAsync("Haiphong", "VN", "Asia/Ho_Chi_Minh");
            var lan = await seed.TeamsRepresentativeAsync(city, "lan", "Asia/Ho_Chi_Minh");
            // Lan also uses the web chat, more recently, and chose Vietnamese there; her profile keeps her hours.
            db.RepresentativeIdentities.Add(new RepresentativeIdentity { RepresentativeId = lan.RepresentativeId!.Value, ChannelId = "webchat", UserId = "dl_lan" });
            db.ConversationMembers.Add(Member("dl-conversation", "dl_lan", channel: "webchat", lastSeen: Now.AddHours(1), language: "vi"));
            db.UserProfiles.Add(Profile("dl_lan", "lan@haiphong.example", "en", new TimeOnly(8, 0), new TimeOnly(16, 0), new DateOnly(2027, 3, 20)));
            await db.SaveChangesAsync(Ct);
            return (await Lookup.RepresentativesAsync(db, [city.Id], Ct), lan);
        });

        var lan = Assert.Single(recipients);
        Assert.Equal(rep.RepresentativeId, lan.Representative?.Id);
        Assert.Equal(("webchat", "dl-conversation"), (lan.ChannelId, lan.Target.ConversationId));
        Assert.Equal("vi", lan.Language);
        Assert.Equal((new TimeOnly(8, 0), new TimeOnly(16, 0), new DateOnly(2027, 3, 20)), (lan.Hours.Start, lan.Hours.End, lan.Hours.AwayUntil));
        Assert.Equal("Asia/Ho_Chi_Minh", lan.Hours.Zone.Id);
    }

    private Audience Lookup => _bot.Bot.Services.GetRequiredService<Audience>();

    private ConversationMember Member(string conversationId, string userId, bool isGroup = false, string? aad = null, string channel = "msteams",
        DateTimeOffset? lastSeen = null, string? language = null) => new()
        {
            ChannelId = channel, ConversationId = conversationId, UserId = userId, AadObjectId = aad, ServiceUrl = _bot.Connector.ServiceUrl,
            BotId = ActivityBuilder.Bot.Id!, TenantId = channel == "msteams" ? "tenant-1" : null, IsGroup = isGroup,
            ConversationType = isGroup ? "channel" : "personal", FirstSeenAt = Now, LastSeenAt = lastSeen ?? Now, Language = language,
        };

    private static UserProfile Profile(string userId, string email, string language = "en", TimeOnly? start = null, TimeOnly? end = null, DateOnly? away = null) => new()
    {
        ChannelId = userId.StartsWith("dl_", StringComparison.Ordinal) ? "webchat" : "msteams", UserId = userId, DisplayName = userId, Email = email,
        Language = language, TimeZone = "Asia/Ho_Chi_Minh", WorkStart = start ?? new TimeOnly(9, 0), WorkEnd = end ?? new TimeOnly(17, 0), AwayUntil = away, UpdatedAt = Now,
    };
}
