import { Injectable } from '@nestjs/common';

/** The time of processing's acts; replaced in tests that need a given instant. */
@Injectable()
export class ProcessingClock {
  now(): Date {
    return new Date();
  }
}
