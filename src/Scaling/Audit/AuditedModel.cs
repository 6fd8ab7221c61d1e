namespace Scaling.Audit;

/// <summary>A published (or given) model with its audit.</summary>
/// <param name="Model">The model as published.</param>
/// <param name="Audit">Its audit against the compute-optimal split of its own compute.</param>
public sealed record AuditedModel(PublishedModel Model, ModelAudit Audit);
