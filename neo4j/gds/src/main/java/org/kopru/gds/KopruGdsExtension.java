/*
 * The glue that turns the Graph Data Science jars published on Maven Central into working procedures
 * inside Köprü's embedded Neo4j (KOPRU_GDS=1).
 *
 * Every GDS procedure injects one component, GraphDataScienceProcedures, which the GDS plugin jar
 * registers through a kernel extension of its own packaging module ("open-packaging"). That module is
 * only shipped inside the shaded plugin jar (neo4j.com/deployment-center), not on Maven Central, so
 * with the Maven artifacts alone Neo4j refuses to start ("the field `facade` has type
 * GraphDataScienceProcedures which is not a known injectable component"). This extension registers the
 * same components with the Community-edition choices GDS makes for itself: native writes only, no
 * metrics, an in-memory model catalog and no model persistence. The builder it calls is GDS's public
 * OpenGraphDataScienceExtensionBuilder (module procedure-integration), so the procedures behave as in
 * the plugin; the signature is the one of GDS 2.13.x (the line for Neo4j 5.26).
 */
package org.kopru.gds;

import java.util.Optional;
import org.neo4j.configuration.Config;
import org.neo4j.gds.LicensingBusinessFacade;
import org.neo4j.gds.OpenGdsLicensingServiceBuilder;
import org.neo4j.gds.SysInfoProcFacade;
import org.neo4j.gds.applications.operations.FeatureTogglesRepository;
import org.neo4j.gds.core.model.OpenModelCatalog;
import org.neo4j.gds.core.write.NativeExportBuildersProvider;
import org.neo4j.gds.metrics.Metrics;
import org.neo4j.gds.procedures.ExporterBuildersProviderService;
import org.neo4j.gds.procedures.integration.DefaultExportLocation;
import org.neo4j.gds.procedures.integration.LogAccessor;
import org.neo4j.gds.procedures.integration.OpenGraphDataScienceExtensionBuilder;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.extension.ExtensionFactory;
import org.neo4j.kernel.extension.context.ExtensionContext;
import org.neo4j.kernel.lifecycle.Lifecycle;
import org.neo4j.logging.internal.LogService;

public final class KopruGdsExtension extends ExtensionFactory<KopruGdsExtension.Dependencies> {
  public KopruGdsExtension() {
    super("kopru.gds");
  }

  @Override
  public Lifecycle newInstance(ExtensionContext context, Dependencies dependencies) {
    var log = new LogAccessor().getLog(dependencies.logService(), getClass());
    var config = dependencies.config();
    ExporterBuildersProviderService exporters = (database, configuration) -> new NativeExportBuildersProvider();
    var created =
        OpenGraphDataScienceExtensionBuilder.create(
            log,
            dependencies.globalProcedures(),
            config,
            exporters,
            new DefaultExportLocation(log, config),
            new FeatureTogglesRepository(),
            Metrics.DISABLED,
            new OpenModelCatalog(),
            model -> {
              throw new UnsupportedOperationException("Storing models needs GDS Enterprise");
            },
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    // gds.license.state and gds.debug.sysinfo inject this one; GDS registers it from another extension
    // of the same unpublished packaging. Without a licence key, OpenGDS's licensing says "Community".
    var licensing = new OpenGdsLicensingServiceBuilder().build(config);
    dependencies
        .globalProcedures()
        .registerComponent(
            SysInfoProcFacade.class, ctx -> new SysInfoProcFacade(new LicensingBusinessFacade(licensing)), true);
    return created.getLeft().build();
  }

  /** Resolved by Neo4j from its dependency graph, by return type. */
  public interface Dependencies {
    Config config();

    GlobalProcedures globalProcedures();

    LogService logService();
  }
}
