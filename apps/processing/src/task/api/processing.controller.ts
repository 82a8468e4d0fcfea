import { Controller } from '@nestjs/common';
import { ProcessingV1 } from '@motcua/contracts';
import { ListDossierTasksHandler } from '../application/list-dossier-tasks/list-dossier-tasks.handler';

@Controller()
@ProcessingV1.ProcessingServiceControllerMethods()
export class ProcessingController implements ProcessingV1.ProcessingServiceController {
  constructor(private readonly listHandler: ListDossierTasksHandler) {}

  async listDossierTasks(request: ProcessingV1.ListDossierTasksRequest): Promise<ProcessingV1.ListDossierTasksResponse> {
    const tasks = await this.listHandler.execute(request.dossierId ?? '');
    return { tasks: tasks.map((task) => ({ ...task, createdAt: task.createdAt.toISOString() })) };
  }
}
