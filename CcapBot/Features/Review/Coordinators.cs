using CcapBot.Features.Access;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CcapBot.Features.Review;

/// <summary>
/// Where coordinators can be reached: their configured or granted identities matched to conversations they have
/// had with the bot. The bot can only write to someone in a conversation it knows (a Teams user who never talked
/// to it has no stored 1:1 conversation, and the configuration gives an aadObjectId, not the Teams user id and
/// tenant a new conversation needs), so a coordinator who never talked to the bot is listed as unreachable
/// and sees the waiting reviews when they type "reviews".
/// </summary>
public sealed class Coordinators(CcapDbContext db, IOptions<CoordinatorOptions> options, IHostEnvironment environment)
{
    /// <summary>Every coordinator identity: configured, the development demo identity, and active grants.</summary>
    public async Task<IReadOnlyList<string>> IdentitiesAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var granted = await db.CoordinatorGrants.AsNoTracking().Where(g => g.RevokedAt == null).Select(g => g.Identity).ToListAsync(cancellationToken);
        IEnumerable<string> all = settings.Identities.Concat(granted);
        if (environment.IsDevelopment() && settings.DemoIdentity is { Length: > 0 } demo) all = all.Append(demo);
        return [.. all.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// One conversation per coordinator per channel identity: the latest 1:1 conversation still active (group chats
    /// are left out, a review card there would be seen by people who are not coordinators).
    /// </summary>
    public async Task<(IReadOnlyList<ConversationMember> Reachable, IReadOnlyList<string> Unreachable)> ConversationsAsync(CancellationToken cancellationToken)
    {
        var identities = await IdentitiesAsync(cancellationToken);
        // Ids and GUIDs may be configured in another case than the channel sends them.
        List<string> variants = [.. identities.SelectMany(i => new[] { i, i.ToLowerInvariant(), i.ToUpperInvariant() }).Distinct(StringComparer.Ordinal)];
        var members = await db.ConversationMembers.AsNoTracking()
            .Where(m => m.Active && !m.IsGroup && (variants.Contains(m.UserId) || (m.AadObjectId != null && variants.Contains(m.AadObjectId))))
            .ToListAsync(cancellationToken);
        var latest = members
            .GroupBy(m => (m.ChannelId, m.UserId))
            .Select(g => g.OrderByDescending(m => m.LastSeenAt).First())
            .OrderBy(m => m.ChannelId, StringComparer.Ordinal).ThenBy(m => m.UserId, StringComparer.Ordinal)
            .ToList();
        var unreachable = identities.Where(i => !latest.Any(m => string.Equals(m.UserId, i, StringComparison.OrdinalIgnoreCase)
            || string.Equals(m.AadObjectId, i, StringComparison.OrdinalIgnoreCase))).ToList();
        return (latest, unreachable);
    }
}
