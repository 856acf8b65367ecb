using CcapBot.Conversations;
using CcapBot.Conversations.Forms;
using CcapBot.Conversations.Outbox;
using CcapBot.Domain;
using CcapBot.Localization;
using CcapBot.Persistence;
using CcapBot.Protocol.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CcapBot.Features.Access;

/// <summary>
/// The one answer to "who do we write to, where, in which language, and when", for every feature (reviews,
/// partnering, reminders, check-ins, results).
/// <list type="bullet">
/// <item>Coordinators: the configured identities (the development demo identity included) and active grants, each a
/// channel user id or a Teams aadObjectId. A typed email proves nothing, so it reaches no one.</item>
/// <item>Representatives: the active representatives of the cities, by their linked channel identities.</item>
/// <item>Where: the 1:1 conversation the person used last (any channel). A Teams user with no 1:1 conversation yet,
/// seen only in a group chat or team or only linked at registration, is reached by a 1:1 conversation the outbox
/// creates (their Teams user id and the tenant's service are known); cards never go into a group. Someone the bot
/// has never seen cannot be reached.</item>
/// <item>Language and zone: their own choice (kept on the conversation member, copied there by the profile), their
/// profile, what they registered, their client; working hours and "away until" from their profile.</item>
/// </list>
/// Lists are read set-based, in a fixed number of queries however many people there are: the scheduler reads
/// everyone on every tick. Methods take the unit of work to read in (the scheduler's tick runs on its own context).
/// </summary>
public sealed partial class Audience(IOptions<CoordinatorOptions> options, IHostEnvironment environment, ILogger<Audience> log)
{
    /// <summary>Every coordinator identity: configured, the development demo identity, and active grants. One query.</summary>
    public async Task<IReadOnlyList<string>> CoordinatorIdentitiesAsync(CcapDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var settings = options.Value;
        var granted = await db.CoordinatorGrants.AsNoTracking().Where(g => g.RevokedAt == null).Select(g => g.Identity).ToListAsync(cancellationToken);
        IEnumerable<string> all = settings.Identities.Concat(granted);
        if (environment.IsDevelopment() && settings.DemoIdentity is { Length: > 0 } demo) all = all.Append(demo);
        return [.. all.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Whether any of the identities (a channel user id, an aadObjectId) is a coordinator's. Ids and GUIDs compare without case.</summary>
    public async Task<bool> IsCoordinatorAsync(CcapDbContext db, IEnumerable<string?> identities, CancellationToken cancellationToken)
    {
        var candidates = identities.OfType<string>().Where(c => c.Length > 0).ToList();
        if (candidates.Count == 0) return false;
        var coordinators = await CoordinatorIdentitiesAsync(db, cancellationToken);
        return candidates.Any(c => coordinators.Contains(c, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Every coordinator the bot can reach, one per identity, ordered by channel and user. Three queries.</summary>
    public async Task<IReadOnlyList<Recipient>> CoordinatorsAsync(CcapDbContext db, CancellationToken cancellationToken)
    {
        var identities = await CoordinatorIdentitiesAsync(db, cancellationToken);
        if (identities.Count == 0) return [];
        // Ids and GUIDs may be configured in another case than the channel sends them.
        List<string> variants = [.. identities.SelectMany(i => new[] { i, i.ToLowerInvariant(), i.ToUpperInvariant() }).Distinct(StringComparer.Ordinal)];
        var members = await db.ConversationMembers.AsNoTracking()
            .Where(m => m.Active && (!m.IsGroup || m.ChannelId == Channels.MsTeams)
                && (EF.Parameter(variants).Contains(m.UserId) || (m.AadObjectId != null && EF.Parameter(variants).Contains(m.AadObjectId))))
            .ToListAsync(cancellationToken);
        List<string> userIds = [.. members.Select(m => m.UserId).Distinct(StringComparer.Ordinal)];
        var profiles = (await db.UserProfiles.AsNoTracking().Where(p => EF.Parameter(userIds).Contains(p.UserId)).ToListAsync(cancellationToken))
            .ToDictionary(p => (p.ChannelId, p.UserId));

        var reached = new Dictionary<string, Recipient>(StringComparer.Ordinal);
        var unreachable = 0;
        foreach (var identity in identities)
        {
            var rows = members.Where(m => string.Equals(m.UserId, identity, StringComparison.OrdinalIgnoreCase)
                || string.Equals(m.AadObjectId, identity, StringComparison.OrdinalIgnoreCase));
            if (Reach(rows, teamsUserId: null, name: null, teamsHome: null) is not (var target, var member))
            {
                unreachable++;
                continue;
            }
            var recipient = Describe(target, member, member is null ? null : profiles.GetValueOrDefault((member.ChannelId, member.UserId)), null, null) with { IsCoordinator = true };
            reached.TryAdd(recipient.Key, recipient);
        }
        if (unreachable > 0) LogCoordinatorsUnreachable(log, unreachable);
        return [.. reached.Values.OrderBy(r => r.ChannelId, StringComparer.Ordinal).ThenBy(r => r.UserId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Every active representative (of <paramref name="cityIds"/> only, when given) the bot can reach, one each,
    /// ordered by city and representative. Four queries, and a fifth when a Teams user has to be reached first.
    /// </summary>
    public async Task<IReadOnlyList<Recipient>> RepresentativesAsync(CcapDbContext db, IReadOnlyCollection<int>? cityIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var filter = cityIds?.ToList();
        var active = db.Representatives.Where(r => r.Active);
        if (filter is not null) active = active.Where(r => EF.Parameter(filter).Contains(r.CityId));
        var people = await active.AsNoTracking().Include(r => r.Identities).Include(r => r.City)
            .OrderBy(r => r.CityId).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        if (people.Count == 0) return [];

        var identities = db.RepresentativeIdentities.AsNoTracking().Where(i => active.Any(r => r.Id == i.RepresentativeId));
        var candidates = db.ConversationMembers.AsNoTracking().Where(m => m.Active && (!m.IsGroup || m.ChannelId == Channels.MsTeams));
        var byUser = await (
            from i in identities
            join m in candidates on new { i.ChannelId, i.UserId } equals new { m.ChannelId, m.UserId }
            select new Linked<ConversationMember>(i.RepresentativeId, m)).ToListAsync(cancellationToken);
        // A Teams user is the same person across conversations and bots by aadObjectId.
        var byAad = await (
            from i in identities
            where i.AadObjectId != null
            join m in candidates on i.AadObjectId equals m.AadObjectId
            select new Linked<ConversationMember>(i.RepresentativeId, m)).ToListAsync(cancellationToken);
        var profiles = (await (
                from i in identities
                join p in db.UserProfiles.AsNoTracking() on new { i.ChannelId, i.UserId } equals new { p.ChannelId, p.UserId }
                select new Linked<UserProfile>(i.RepresentativeId, p)).ToListAsync(cancellationToken))
            .GroupBy(l => l.RepresentativeId).ToDictionary(g => g.Key, g => g.MaxBy(l => l.Value.UpdatedAt)!.Value);
        var members = byUser.Concat(byAad).ToLookup(l => l.RepresentativeId, l => l.Value);

        ConversationMember? teamsHome = null;
        var homeLooked = false;
        var recipients = new List<Recipient>(people.Count);
        foreach (var representative in people)
        {
            var teamsUserId = representative.Identities.Where(i => i.ChannelId == Channels.MsTeams).OrderBy(i => i.Id).Select(i => i.UserId).FirstOrDefault();
            if (teamsUserId is not null && !homeLooked && !members[representative.Id].Any(m => !m.IsGroup))
            {
                teamsHome = await TeamsHomeAsync(db, cancellationToken);
                homeLooked = true;
            }
            if (Reach(members[representative.Id], teamsUserId, representative.Name, teamsHome) is not (var target, var member))
            {
                LogRepresentativeUnreachable(log, representative.Id);
                continue;
            }
            recipients.Add(Describe(target, member, profiles.GetValueOrDefault(representative.Id), representative, representative.City?.TimeZone));
        }
        return [.. recipients.DistinctBy(r => r.Key)];
    }

    /// <summary>Whoever was sent a copy of a card earlier (a coordinator, or a representative since gone), as they are now.</summary>
    public async Task<Recipient> ForCopyAsync(CcapDbContext db, OutboxTarget sentTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(sentTo);
        var userId = sentTo.UserId ?? "";
        var member = await db.ConversationMembers.AsNoTracking()
            .Where(m => m.ChannelId == sentTo.ChannelId && m.UserId == userId && (sentTo.ConversationId == null || m.ConversationId == sentTo.ConversationId))
            .OrderByDescending(m => m.LastSeenAt)
            .FirstOrDefaultAsync(cancellationToken);
        var representative = await RepresentativeOfAsync(db, sentTo.ChannelId, userId, member?.AadObjectId, cancellationToken);
        var profile = await ProfileAsync(db, sentTo.ChannelId, userId, cancellationToken);
        return Describe(sentTo, member, profile, representative, representative?.City?.TimeZone) with
        {
            IsCoordinator = await IsCoordinatorAsync(db, [userId, member?.AadObjectId], cancellationToken),
        };
    }

    /// <summary>
    /// The person acting in this turn, answered in the turn's conversation and language. Without <paramref name="actor"/>
    /// (when only their zone and hours matter) they count as neither coordinator nor representative.
    /// </summary>
    public static async Task<Recipient> ForTurnAsync(CcapDbContext db, TurnContext turn, Actor? actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var member = turn.Member;
        var profile = await ProfileAsync(db, member.ChannelId, member.UserId, cancellationToken);
        return Describe(OutboxTarget.For(member), member, profile, actor?.Representative, actor?.Representative?.City?.TimeZone) with
        {
            Language = turn.Language,
            IsCoordinator = actor?.IsCoordinator ?? false,
        };
    }

    /// <summary>The representative a channel identity is linked to (by aadObjectId too), with their city.</summary>
    public static async Task<Representative?> RepresentativeOfAsync(CcapDbContext db, string channelId, string userId, string? aadObjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var identity = await db.RepresentativeIdentities.AsNoTracking()
            .Where(i => (i.ChannelId == channelId && i.UserId == userId) || (aadObjectId != null && i.AadObjectId == aadObjectId))
            .OrderBy(i => i.ChannelId == channelId && i.UserId == userId ? 0 : 1)
            .FirstOrDefaultAsync(cancellationToken);
        return identity is null ? null : await db.Representatives.Include(r => r.City).FirstOrDefaultAsync(r => r.Id == identity.RepresentativeId, cancellationToken);
    }

    /// <summary>
    /// Where to write to someone known by these conversation rows: the 1:1 conversation they used last; else, for a
    /// Teams user, a 1:1 conversation the outbox creates (from a group they were seen in, or from the tenant's service
    /// as a colleague's last turn tells it: the bot is single-tenant). Null when there is no way.
    /// </summary>
    private static (OutboxTarget Target, ConversationMember? Member)? Reach(
        IEnumerable<ConversationMember> rows, string? teamsUserId, string? name, ConversationMember? teamsHome)
    {
        var seen = rows.OrderByDescending(m => m.LastSeenAt).ThenBy(m => m.ConversationId, StringComparer.Ordinal).ToList();
        if (seen.FirstOrDefault(m => !m.IsGroup) is { } personal) return (OutboxTarget.For(personal), personal);
        if (seen.FirstOrDefault(m => m.ChannelId == Channels.MsTeams && m.TenantId is { Length: > 0 }) is { } group)
            return (OutboxTarget.TeamsUser(group.ServiceUrl, group.BotId, group.UserId, group.TenantId!, group.UserName ?? name), group);
        if (teamsUserId is not null && teamsHome is { TenantId: { Length: > 0 } tenant })
            return (OutboxTarget.TeamsUser(teamsHome.ServiceUrl, teamsHome.BotId, teamsUserId, tenant, name), null);
        return null;
    }

    private static Recipient Describe(OutboxTarget target, ConversationMember? member, UserProfile? profile, Representative? representative, string? cityZone)
    {
        var ownZone = TimeZones.TryFind(member?.TimeZone) ?? TimeZones.TryFind(profile?.TimeZone)
            ?? TimeZones.TryFind(representative?.TimeZone) ?? TimeZones.TryFind(member?.ClientTimeZone);
        return new Recipient
        {
            Target = target,
            Language = Languages.Normalize(member?.Language) ?? Languages.Normalize(profile?.Language)
                ?? Languages.Resolve(representative?.PreferredLanguage, member?.ClientLocale),
            Representative = representative,
            OwnZone = ownZone,
            Hours = WorkingHours.For(ownZone ?? TimeZones.TryFind(cityZone) ?? TimeZoneInfo.Utc, profile?.WorkStart, profile?.WorkEnd, profile?.AwayUntil),
        };
    }

    private static Task<UserProfile?> ProfileAsync(CcapDbContext db, string channelId, string userId, CancellationToken cancellationToken) =>
        db.UserProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.ChannelId == channelId && p.UserId == userId, cancellationToken);

    private static Task<ConversationMember?> TeamsHomeAsync(CcapDbContext db, CancellationToken cancellationToken) =>
        db.ConversationMembers.AsNoTracking()
            .Where(m => m.ChannelId == Channels.MsTeams && m.Active && m.TenantId != null)
            .OrderByDescending(m => m.LastSeenAt)
            .FirstOrDefaultAsync(cancellationToken);

    private sealed record Linked<T>(int RepresentativeId, T Value);

    [LoggerMessage(EventId = 7100, Level = LogLevel.Debug, Message = "Representative {RepresentativeId} has no conversation the bot can write to")]
    private static partial void LogRepresentativeUnreachable(ILogger logger, int representativeId);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Debug, Message = "{Count} coordinator identity(ies) the bot has never seen cannot be reached yet; they see waiting items when they write")]
    private static partial void LogCoordinatorsUnreachable(ILogger logger, int count);
}
