using System.Text.Json;
using CcapBot.Domain;
using CcapBot.Persistence;

namespace CcapBot.Features.Access;

/// <summary>Appends to the audit log in the caller's unit of work, so the entry commits with the change.</summary>
public static class Audit
{
    public static void Record(CcapDbContext db, Actor actor, DateTimeOffset at, string action, string entityType, object entityId, JsonElement? details = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        db.AuditEntries.Add(new AuditEntry
        {
            At = at,
            Actor = actor.UserId,
            ActorName = actor.Name,
            Action = action,
            EntityType = entityType,
            EntityId = Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            Details = details?.GetRawText(),
        });
    }
}
