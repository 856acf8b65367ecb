using CcapBot.Domain;
using CcapBot.Persistence;
using CcapBot.Protocol.Schema;

namespace CcapBot.Tests.Infrastructure;

/// <summary>
/// A starting state written straight into the database, as registration and a first chat would have left it:
/// approved cities, their representatives and coordinators, and Teams conversations the bot can write to.
/// </summary>
public sealed class Seed(CcapDbContext db, string serviceUrl, DateTimeOffset now)
{
    public CcapDbContext Db => db;
    public DateTimeOffset Now => now;

    /// <summary>An approved city.</summary>
    public async Task<City> CityAsync(string name, string country, string zone, CityRole role = CityRole.Both, List<string>? languages = null, string? agency = null, bool consentToPublish = true)
    {
        var city = new City
        {
            Name = name, CountryCode = country, TimeZone = zone, Agency = agency ?? name + " DONRE", Status = CityStatus.Approved,
            RoleInterest = role, ConsentToPublish = consentToPublish, CreatedAt = now, UpdatedAt = now, WorkingLanguages = languages ?? ["en"],
        };
        db.Cities.Add(city);
        await db.SaveChangesAsync();
        return city;
    }

    /// <summary>An active representative of <paramref name="city"/>, not yet known on any channel (see <see cref="LinkAsync"/>).</summary>
    public async Task<Representative> RepresentativeAsync(City city, string name, string email, string? zone = null, string language = "en", bool focal = false)
    {
        var representative = NewRepresentative(city, name, email, zone ?? city.TimeZone, language, focal);
        db.Representatives.Add(representative);
        await db.SaveChangesAsync();
        return representative;
    }

    /// <summary>Links a channel identity to a representative (what registration does).</summary>
    public async Task LinkAsync(Representative representative, string channelId, string userId, string? aadObjectId = null)
    {
        db.RepresentativeIdentities.Add(new RepresentativeIdentity { RepresentativeId = representative.Id, ChannelId = channelId, UserId = userId, AadObjectId = aadObjectId });
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// "Rep <paramref name="key"/>" of <paramref name="city"/>, living in <paramref name="zone"/>, known in Teams as "29:<paramref name="key"/>"
    /// and already welcomed in their 1:1 chat.
    /// </summary>
    public async Task<Person> TeamsRepresentativeAsync(City city, string key, string zone, string language = "en")
    {
        var representative = NewRepresentative(city, "Rep " + key, $"{key}@example.org", zone, language, focal: false);
        representative.Identities = [new RepresentativeIdentity { ChannelId = Channels.MsTeams, UserId = "29:" + key }];
        db.Representatives.Add(representative);
        await db.SaveChangesAsync();
        var person = Person.Teams("29:" + key) with { TimeZone = zone, RepresentativeId = representative.Id, CityId = city.Id };
        await ConversationAsync(person);
        return person;
    }

    /// <summary>A coordinator (a configured identity) with a profile in <paramref name="zone"/>, already welcomed in their Teams chat.</summary>
    public async Task<Person> CoordinatorAsync(string userId, string zone)
    {
        var person = Person.Teams(userId) with { TimeZone = zone };
        await ConversationAsync(person);
        db.UserProfiles.Add(new UserProfile { ChannelId = Channels.MsTeams, UserId = userId, DisplayName = "Coordinator", Email = "coordinator@cleanairasia.org", Language = "en", TimeZone = zone, UpdatedAt = now });
        await db.SaveChangesAsync();
        return person;
    }

    /// <summary>The bot has talked with <paramref name="person"/> in their conversation (and welcomed them): it can write there.</summary>
    public async Task ConversationAsync(Person person)
    {
        db.ConversationMembers.Add(new ConversationMember
        {
            ChannelId = person.ChannelId, ConversationId = person.ConversationId, UserId = person.UserId, ServiceUrl = serviceUrl, BotId = ActivityBuilder.Bot.Id!,
            TenantId = "tenant-1", ConversationType = person.ConversationType, FirstSeenAt = now, LastSeenAt = now, WelcomedAt = now, TimeZone = person.TimeZone,
        });
        await db.SaveChangesAsync();
    }

    private Representative NewRepresentative(City city, string name, string email, string zone, string language, bool focal) => new()
    {
        CityId = city.Id, Name = name, Email = email, TimeZone = zone, PreferredLanguage = language, Active = true, IsFocalPerson = focal, CreatedAt = now,
    };
}
