using CcapBot.Domain;
using CcapBot.Features.Reminders;
using CcapBot.Persistence;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CcapBot.Tests.Features.Tracking;

/// <summary>A person with a Teams 1:1 conversation with the bot (a representative, a coordinator or nobody in particular).</summary>
internal sealed record Person(string UserId, string ConversationId, string TimeZone, int? RepresentativeId = null, int? CityId = null);

/// <summary>
/// The tracking world for tests: cities, representatives with their Teams conversations (stored as if they had
/// talked to the bot), a coordinator, and partnerships built only through the domain's own methods
/// (propose → confirm → launch meeting → action list → agreed by every city).
/// </summary>
internal static class TrackingWorld
{
    public const string CoordinatorUserId = "29:coordinator";
    public const string Category = "emissions-inventory";

    public static CcapBotFactory Host(FakeConnector connector, FakeTimeProvider clock, string? databaseFile = null, bool ownsFile = true) =>
        new CcapBotFactory(databaseFile) { Clock = clock, OwnsDatabaseFile = ownsFile }
            .With("Scheduler:Enabled", "false")
            .With("Outbox:Enabled", "false")
            .With("Coordinators:Identities:0", CoordinatorUserId);

    public static async Task<City> CityAsync(CcapDbContext db, string name, string country, string zone, DateTimeOffset now)
    {
        var city = new City
        {
            Name = name, CountryCode = country, TimeZone = zone, Agency = name + " DONRE", Status = CityStatus.Approved,
            RoleInterest = CityRole.Both, ConsentToPublish = true, CreatedAt = now, UpdatedAt = now, WorkingLanguages = ["en"],
        };
        db.Cities.Add(city);
        await db.SaveChangesAsync();
        return city;
    }

    /// <summary>A representative of <paramref name="city"/> living in <paramref name="zone"/>, with a Teams conversation.</summary>
    public static async Task<Person> RepresentativeAsync(CcapDbContext db, City city, string key, string zone, string serviceUrl, DateTimeOffset now, string language = "en")
    {
        var rep = new Representative
        {
            CityId = city.Id, Name = "Rep " + key, Email = $"{key}@example.org", TimeZone = zone, PreferredLanguage = language, Active = true, CreatedAt = now,
            Identities = [new RepresentativeIdentity { ChannelId = "msteams", UserId = "29:" + key }],
        };
        db.Representatives.Add(rep);
        await db.SaveChangesAsync();
        var person = new Person("29:" + key, "a:" + key, zone, rep.Id, city.Id);
        await MemberAsync(db, person, serviceUrl, now);
        return person;
    }

    public static async Task<Person> CoordinatorAsync(CcapDbContext db, string zone, string serviceUrl, DateTimeOffset now)
    {
        var person = new Person(CoordinatorUserId, "a:coordinator", zone);
        await MemberAsync(db, person, serviceUrl, now);
        db.UserProfiles.Add(new UserProfile { ChannelId = "msteams", UserId = person.UserId, DisplayName = "Coordinator", Email = "coordinator@cleanairasia.org", Language = "en", TimeZone = zone, UpdatedAt = now });
        await db.SaveChangesAsync();
        return person;
    }

    public static async Task MemberAsync(CcapDbContext db, Person person, string serviceUrl, DateTimeOffset now)
    {
        db.ConversationMembers.Add(new ConversationMember
        {
            ChannelId = "msteams", ConversationId = person.ConversationId, UserId = person.UserId, ServiceUrl = serviceUrl, BotId = ActivityBuilder.Bot.Id!,
            TenantId = "tenant-1", ConversationType = "personal", FirstSeenAt = now, LastSeenAt = now, WelcomedAt = now, TimeZone = person.TimeZone,
        });
        await db.SaveChangesAsync();
    }

    public static PartnershipActor Actor(Person person) =>
        new(person.UserId, IsCoordinator: false, person.RepresentativeId, person.CityId);

    /// <summary>
    /// An active partnership: <paramref name="mentor"/> and <paramref name="learning"/>, agreed at <paramref name="now"/>,
    /// with the given activities (title, owner, due).
    /// </summary>
    public static async Task<Partnership> ActivePartnershipAsync(CcapDbContext db, Person mentor, Person learning, IReadOnlyList<(string Title, Person Owner, DateOnly Due)> activities,
        DateOnly completion, DateTimeOffset now, int cadenceDays = Partnership.DefaultCheckInCadenceDays, DateTimeOffset? meetingAt = null)
    {
        var coordinator = PartnershipActor.Coordinator(CoordinatorUserId);
        // Without a meeting to come, the launch meeting was held the day before the list was agreed.
        var start = meetingAt is null ? now.AddDays(-2) : now;
        var partnership = Partnership.Propose("Emissions inventory of industrial zones and the port", Category,
            new PartnershipMember(mentor.CityId!.Value), [new PartnershipMember(learning.CityId!.Value)], coordinator, start);
        partnership.Confirm(coordinator, start);
        partnership.ScheduleLaunch(coordinator, new LaunchMeetingPlan(meetingAt ?? start.AddHours(1), 60, "Asia/Ho_Chi_Minh", "https://teams.microsoft.com/l/meetup-join/abc"), start);
        if (cadenceDays != Partnership.DefaultCheckInCadenceDays) partnership.SetCheckInCadence(coordinator, cadenceDays, start);
        if (meetingAt is null)
        {
            partnership.MarkLaunchHeld(coordinator, 1, start.AddHours(2));
            Agree(partnership, mentor, learning, activities, completion, now);
        }
        db.Partnerships.Add(partnership);
        await db.SaveChangesAsync();
        return partnership;
    }

    /// <summary>The coordinator proposes the list and both cities agree: the partnership is active from <paramref name="now"/>.</summary>
    public static void Agree(Partnership partnership, Person mentor, Person learning, IReadOnlyList<(string Title, Person Owner, DateOnly Due)> activities, DateOnly completion, DateTimeOffset now)
    {
        partnership.ProposeActionList(PartnershipActor.Coordinator(CoordinatorUserId), Draft(activities, completion), DateOnly.FromDateTime(now.UtcDateTime), now);
        partnership.AgreeActionList(Actor(mentor), 1, now);
        partnership.AgreeActionList(Actor(learning), 1, now);
    }

    public static ActionListDraft Draft(IReadOnlyList<(string Title, Person Owner, DateOnly Due)> activities, DateOnly completion, int? basedOn = null) =>
        new([.. activities.Select(a => new ActivityDraft(a.Title, null, a.Owner.CityId!.Value, a.Due))], completion, basedOn);

    /// <summary>One scheduler tick at the host's clock.</summary>
    public static Task<TickResult> TickAsync(CcapBotFactory host) => host.Services.GetRequiredService<ReminderScheduler>().TickAsync(TestContext.Current.CancellationToken);

    public static async Task<T> WithDbAsync<T>(CcapBotFactory host, Func<CcapDbContext, Task<T>> work)
    {
        await using var scope = host.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<CcapDbContext>());
    }

    public static Task<Partnership> LoadAsync(CcapDbContext db, int id) => db.Partnerships.WithAggregate().SingleAsync(p => p.Id == id);
}
