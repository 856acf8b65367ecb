using System.Text.Json;
using System.Text.RegularExpressions;
using CcapBot.Conversations;
using CcapBot.Conversations.Dialogs;
using CcapBot.Conversations.Forms;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Features.Review;
using CcapBot.Localization;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.Registration;

/// <summary>
/// "Make coordinator" (coordinators only): grants the role to another person by their Teams aadObjectId, Teams user
/// id (29:…) or web chat id (dl_…), which they can read on their own "my status" card. Stored as a
/// <see cref="CoordinatorGrant"/> and audited; it takes effect on that person's next message.
/// </summary>
public sealed partial class CoordinatorGrantForm(CcapDbContext db, ActorResolver actors, Localizer text) : IForm
{
    public const string Id = "coordinator";

    public static CommandDefinition Command { get; } = new("makecoordinator");

    public FormDefinition Definition { get; } = new()
    {
        Id = Id,
        Fields = [Field.ShortText("identity", maxLength: 256).Check(new FieldRule((value, _) => IdentityShape().IsMatch(value.GetString()!), "Form.coordinator.identity.Invalid"))],
    };

    public async Task<string?> RefuseStartAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        return actor.IsCoordinator ? null : text.Get(turn.Language, "Coordinator.OnlyCoordinators");
    }

    public async Task<string> CompleteAsync(TurnContext turn, FormAnswers answers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(answers);
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        if (!actor.IsCoordinator) return text.Get(turn.Language, "Coordinator.OnlyCoordinators");
        var identity = answers.Text("identity")!.Trim();
        // GUIDs arrive in lower case from Teams and the web chat page; a 29: id is case-sensitive and kept as typed.
        if (!identity.StartsWith("29:", StringComparison.Ordinal)) identity = identity.ToLowerInvariant();
        if (await actors.IsCoordinatorAsync(identity, aadObjectId: null, cancellationToken))
            return text.Format(turn.Language, "Coordinator.Already", identity);
        var grant = db.CoordinatorGrants.Add(new CoordinatorGrant { Identity = identity, GrantedBy = actor.AuditName, GrantedAt = turn.Now }).Entity;
        await TurnSave.SaveForIdsAsync(db, cancellationToken);
        Audit.Record(db, actor, turn.Now, "coordinator.granted", nameof(CoordinatorGrant), grant.Id, AuditDetails.Of(("identity", identity)));
        return text.Format(turn.Language, "Coordinator.Granted", identity);
    }

    /// <summary>A Teams aadObjectId (GUID), a Teams user id (29:…), or a web chat id (dl_ + GUID).</summary>
    [GeneratedRegex(@"^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|29:[A-Za-z0-9_\-]{8,200}|dl_[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$")]
    private static partial Regex IdentityShape();
}
