namespace Collab.Indexer.Ingestion;

/// <summary>
/// One step of a build. Steps read and extend the shared <see cref="IngestionContext"/>, and do nothing
/// when their input is empty, so a build with no changes runs through without writing anything.
/// </summary>
internal interface IIngestionStep
{
    string Name { get; }

    Task ExecuteAsync(IngestionContext context, CancellationToken cancellationToken);
}
