using System.Text.Json;
using CcapBot.Conversations;
using CcapBot.Conversations.Dialogs;
using CcapBot.Conversations.Forms;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Features.Tracking;
using CcapBot.Localization;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.CheckIns;

/// <summary>
/// "Check-in cadence": how often a partnership's check-in cards go out (every 14 days unless changed). A
/// coordinator, or a representative of one of its cities, sets it; the scheduler counts the cycles from activation.
/// </summary>
public sealed class CheckInCadenceForm(CcapDbContext db, ActorResolver actors, Partnering.PartneringText refusals, Localizer text) : IForm
{
    public const string Id = "cadence";

    public static CommandDefinition Command { get; } = new("cadence");

    public FormDefinition Definition { get; } = new()
    {
        Id = Id,
        Fields =
        [
            Field.WholeNumber("partnership", 1, int.MaxValue),
            Field.WholeNumber("days", Partnership.MinCheckInCadenceDays, Partnership.MaxCheckInCadenceDays),
        ],
    };

    public async Task<string> CompleteAsync(TurnContext turn, FormAnswers answers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(answers);
        var lang = turn.Language;
        var id = (int)answers.Number("partnership")!.Value;
        var days = (int)answers.Number("days")!.Value;
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        if (await db.Partnerships.WithAggregate().SingleOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } partnership
            || !TrackingTurns.MayAct(actor, partnership))
            return text.Format(lang, "Tracking.Cadence.NotFound", id);
        try
        {
            partnership.SetCheckInCadence(TrackingTurns.For(actor, partnership), days, turn.Now);
        }
        catch (DomainRuleException e)
        {
            return refusals.Refusal(e.Violations, lang);
        }
        Audit.Record(db, actor, turn.Now, "partnership.cadence", nameof(Partnership), partnership.Id);
        return text.Format(lang, "Tracking.Cadence.Done", id, days);
    }
}
