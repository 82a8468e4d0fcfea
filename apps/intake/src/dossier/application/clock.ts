import { Injectable } from '@nestjs/common';

/** The time of intake's acts (receipt time decides the code's day and the appointment); replaced in tests. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
