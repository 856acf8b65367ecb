namespace CcapBot.Domain;

/// <summary>Append-only record of who changed what and when. Never updated or deleted.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>Who acted: a channel user id (and name when known), or "system".</summary>
    public required string Actor { get; set; }
    public string? ActorName { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    /// <summary>Small JSON with what changed (never message text beyond the changed fields).</summary>
    public string? Details { get; set; }
}

/// <summary>A coordinator role granted at run time by another coordinator (configured ones are not stored).</summary>
public sealed class CoordinatorGrant
{
    public int Id { get; set; }
    /// <summary>Teams aadObjectId, email, or a channel user id — whichever identifies the person.</summary>
    public required string Identity { get; set; }
    public required string GrantedBy { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
