using CcapBot.Cards;
using CcapBot.Conversations;
using CcapBot.Conversations.Dialogs;
using CcapBot.Features.Access;
using CcapBot.Features.Tracking;
using CcapBot.Persistence;
using CcapBot.Protocol.DirectLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CcapBot.Features.Results;

/// <summary>"Export results" (coordinators): how many results may be published, and download links (JSON, CSV) that work for a short while.</summary>
public sealed class ExportResultsHandler(
    CcapDbContext db,
    ActorResolver actors,
    ExportLinks links,
    TrackingCards cards,
    IOptions<ResultsExportOptions> options,
    IOptions<DirectLineOptions> directLine) : IActivityHandler
{
    public static CommandDefinition Command { get; } = new("exportresults");

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var lang = turn.Language;
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        if (!actor.IsCoordinator)
        {
            turn.SendText(cards.Get(lang, "Tracking.Export.CoordinatorsOnly"));
            return;
        }
        var recorded = await db.PartnershipResults.CountAsync(cancellationToken);
        var consented = await db.PartnershipResults.CountAsync(r => r.ConsentToPublish, cancellationToken);
        var token = Uri.EscapeDataString(links.Create(new ExportIdentity(actor.UserId, actor.AadObjectId), turn.Now));
        var root = (options.Value.PublicBaseUrl ?? directLine.Value.ServiceUrl)?.ToString().TrimEnd('/') ?? "";
        string Link(string format) => $"{root}{ResultsExportEndpoint.Path}?format={format}&token={token}";
        var card = cards.Notice(new NoticeCardData
        {
            Title = cards.Get(lang, "Tracking.Export.Title"),
            Text = cards.Format(lang, "Tracking.Export.Text", consented, recorded, (int)options.Value.LinkLifetime.TotalMinutes),
            Links = root.Length == 0 ? [] : [new CardLink("JSON", Link("json")), new CardLink("CSV", Link("csv"))],
            Facts = root.Length == 0 ? [new CardFact("JSON", Link("json")), new CardFact("CSV", Link("csv"))] : [],
        }, turn.SupportsUniversalActions);
        turn.SendCard(card);
    }
}
