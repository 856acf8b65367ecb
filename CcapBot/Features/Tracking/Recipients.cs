using CcapBot.Conversations.Forms;
using CcapBot.Conversations.Outbox;
using CcapBot.Features.Access;
using CcapBot.Localization;
using CcapBot.Persistence;
using CcapBot.Protocol.Schema;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.Tracking;

/// <summary>
/// Someone the bot can write to outside a turn: where (their most recent active 1:1 conversation), in which
/// language, and when (their working hours). <see cref="Key"/> names the person in idempotency keys: "r{id}" for a
/// representative, "c:{channel}:{user}" for a coordinator.
/// </summary>
public sealed record Recipient(string Key, OutboxTarget Target, string Language, WorkingHours Hours, int? RepresentativeId = null, int? CityId = null)
{
    public string ChannelId => Target.ChannelId;
    public string UserId => Target.UserId ?? "";
    /// <summary>Teams renders Action.Execute; other channels get Action.Submit.</summary>
    public bool UniversalActions => Target.ChannelId == Channels.MsTeams;
}

/// <summary>
/// Finds recipients with a fixed number of queries however many people there are (the scheduler reads everyone
/// once per tick; a query per person would grow with the programme).
/// </summary>
public static class Recipients
{
    /// <summary>
    /// Every active representative (of <paramref name="cityIds"/> only, when given) who has a 1:1 conversation with
    /// the bot, by representative id. Four queries.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, Recipient>> RepresentativesAsync(CcapDbContext db, IReadOnlyCollection<int>? cityIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var filter = cityIds?.ToList();
        var reps = db.Representatives.AsNoTracking().Where(r => r.Active);
        if (filter is not null) reps = reps.Where(r => EF.Parameter(filter).Contains(r.CityId));
        var people = await reps.Select(r => new { r.Id, r.CityId, r.TimeZone, r.PreferredLanguage, CityZone = r.City!.TimeZone }).ToListAsync(cancellationToken);
        if (people.Count == 0) return new Dictionary<int, Recipient>();

        var identities = db.RepresentativeIdentities.AsNoTracking().Where(i => db.Representatives.Any(r => r.Id == i.RepresentativeId && r.Active));
        if (filter is not null) identities = identities.Where(i => db.Representatives.Any(r => r.Id == i.RepresentativeId && EF.Parameter(filter).Contains(r.CityId)));
        var byUser = await (
            from i in identities
            join m in db.ConversationMembers.AsNoTracking() on new { i.ChannelId, i.UserId } equals new { m.ChannelId, m.UserId }
            where m.Active && !m.IsGroup
            select new LinkedMember(i.RepresentativeId, m)).ToListAsync(cancellationToken);
        // Teams users are the same person across bots and tenants' apps by aadObjectId.
        var byAad = await (
            from i in identities
            where i.AadObjectId != null
            join m in db.ConversationMembers.AsNoTracking() on i.AadObjectId equals m.AadObjectId
            where m.Active && !m.IsGroup
            select new LinkedMember(i.RepresentativeId, m)).ToListAsync(cancellationToken);
        var profiles = await (
            from i in identities
            join p in db.UserProfiles.AsNoTracking() on new { i.ChannelId, i.UserId } equals new { p.ChannelId, p.UserId }
            select new LinkedProfile(i.RepresentativeId, p)).ToListAsync(cancellationToken);

        var members = byUser.Concat(byAad).ToLookup(l => l.RepresentativeId, l => l.Member);
        var profileOf = profiles.GroupBy(p => p.RepresentativeId).ToDictionary(g => g.Key, g => g.MaxBy(p => p.Profile.UpdatedAt)!.Profile);
        var zones = new ZoneCache();
        var result = new Dictionary<int, Recipient>();
        foreach (var rep in people)
        {
            var member = Latest(members[rep.Id]);
            if (member is null) continue;
            var profile = profileOf.GetValueOrDefault(rep.Id);
            var zone = zones.First(profile?.TimeZone, rep.TimeZone, member.TimeZone, member.ClientTimeZone, rep.CityZone);
            var language = Languages.Normalize(profile?.Language) ?? Languages.Normalize(member.Language) ?? Languages.Normalize(rep.PreferredLanguage) ?? Languages.English;
            result[rep.Id] = new Recipient($"r{rep.Id}", OutboxTarget.For(member), language,
                WorkingHours.For(zone, profile?.WorkStart, profile?.WorkEnd, profile?.AwayUntil), rep.Id, rep.CityId);
        }
        return result;
    }

    /// <summary>
    /// Every coordinator (configured identities and active grants) who has a 1:1 conversation with the bot. An
    /// identity is a channel user id, a Teams aadObjectId or the email of their profile. Four queries.
    /// </summary>
    public static async Task<IReadOnlyList<Recipient>> CoordinatorsAsync(CcapDbContext db, CoordinatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        var granted = await db.CoordinatorGrants.AsNoTracking().Where(g => g.RevokedAt == null).Select(g => g.Identity).ToListAsync(cancellationToken);
        var identities = options.Identities.Concat(granted).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (identities.Count == 0) return [];
        var lowered = identities.Select(i => i.ToLowerInvariant()).ToList();

        // Emails compare without case; ToLower is translated to SQL LOWER(), where no culture applies.
#pragma warning disable CA1304, CA1311
        var emailProfiles = await db.UserProfiles.AsNoTracking().Where(p => EF.Parameter(lowered).Contains(p.Email.ToLower())).ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311
        var userIds = identities.Concat(emailProfiles.Select(p => p.UserId)).Distinct(StringComparer.Ordinal).ToList();
        var members = await db.ConversationMembers.AsNoTracking()
            .Where(m => m.Active && !m.IsGroup && (EF.Parameter(userIds).Contains(m.UserId) || (m.AadObjectId != null && EF.Parameter(identities).Contains(m.AadObjectId))))
            .ToListAsync(cancellationToken);
        var memberUsers = members.Select(m => m.UserId).Distinct(StringComparer.Ordinal).ToList();
        var profiles = await db.UserProfiles.AsNoTracking().Where(p => EF.Parameter(memberUsers).Contains(p.UserId)).ToListAsync(cancellationToken);

        var zones = new ZoneCache();
        var chosen = new Dictionary<(string, string), Recipient>();
        foreach (var identity in identities)
        {
            var viaEmail = emailProfiles.Where(p => string.Equals(p.Email, identity, StringComparison.OrdinalIgnoreCase)).Select(p => (p.ChannelId, p.UserId)).ToHashSet();
            var member = Latest(members.Where(m =>
                string.Equals(m.UserId, identity, StringComparison.Ordinal)
                || string.Equals(m.AadObjectId, identity, StringComparison.OrdinalIgnoreCase)
                || viaEmail.Contains((m.ChannelId, m.UserId))));
            if (member is null || chosen.ContainsKey((member.ChannelId, member.UserId))) continue;
            var profile = profiles.Where(p => p.ChannelId == member.ChannelId && p.UserId == member.UserId).MaxBy(p => p.UpdatedAt);
            var zone = zones.First(profile?.TimeZone, member.TimeZone, member.ClientTimeZone);
            var language = Languages.Normalize(profile?.Language) ?? Languages.Normalize(member.Language) ?? Languages.Normalize(member.ClientLocale) ?? Languages.English;
            chosen[(member.ChannelId, member.UserId)] = new Recipient($"c:{member.ChannelId}:{member.UserId}", OutboxTarget.For(member), language,
                WorkingHours.For(zone, profile?.WorkStart, profile?.WorkEnd, profile?.AwayUntil));
        }
        return [.. chosen.Values.OrderBy(r => r.Key, StringComparer.Ordinal)];
    }

    /// <summary>The conversation to write in: the one the person used last.</summary>
    private static ConversationMember? Latest(IEnumerable<ConversationMember> members) =>
        members.OrderByDescending(m => m.LastSeenAt).ThenBy(m => m.ConversationId, StringComparer.Ordinal).FirstOrDefault();

    private sealed record LinkedMember(int RepresentativeId, ConversationMember Member);

    private sealed record LinkedProfile(int RepresentativeId, Domain.UserProfile Profile);

    private sealed class ZoneCache
    {
        private readonly Dictionary<string, TimeZoneInfo?> _zones = new(StringComparer.Ordinal);

        public TimeZoneInfo First(params ReadOnlySpan<string?> ids)
        {
            foreach (var id in ids)
            {
                if (string.IsNullOrWhiteSpace(id)) continue;
                if (!_zones.TryGetValue(id, out var zone)) _zones[id] = zone = TimeZones.TryFind(id);
                if (zone is not null) return zone;
            }
            return TimeZoneInfo.Utc;
        }
    }
}
