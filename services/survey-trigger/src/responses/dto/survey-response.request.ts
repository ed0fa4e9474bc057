import 'reflect-metadata';
import { isAnswerOnScale, surveyTopicOf } from '@care/clinical';
import { IsIsoInstant, OptionalField, SURVEY_TOPICS, type SurveyTopicName } from '@care/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsObject,
  ValidateBy,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';

const topicOfAnswer = (args?: ValidationArguments) =>
  surveyTopicOf(String((args?.object as { topic?: unknown } | undefined)?.topic));

/** One answer: a topic of the survey and a whole number on that topic's scale (1-4, or 0-10 for quality of care). */
export class SurveyAnswerRequest {
  @IsIn(SURVEY_TOPICS)
  topic!: SurveyTopicName;

  @ValidateBy({
    name: 'isAnswerOnTopicScale',
    validator: {
      // An unknown topic is reported on `topic`; the value is then not judged.
      validate: (value: unknown, args?: ValidationArguments): boolean => {
        const topic = topicOfAnswer(args);
        return topic === undefined || isAnswerOnScale(topic, value);
      },
      defaultMessage: (args?: ValidationArguments): string => {
        const topic = topicOfAnswer(args);
        if (topic === undefined) return '$property must be a whole number on the topic scale';
        const { min, max, labels } = topic.scale;
        return `$property must be a whole number from ${min} (${labels[min] ?? ''}) to ${max} (${labels[max] ?? ''}) for ${topic.id}`;
      },
    },
  })
  value!: number;
}

/**
 * Body of `POST /v1/surveys/{id}/responses`: the member's answers, one per topic answered (a skipped question is
 * left out), and when the member answered (defaults to when the response arrives).
 */
export class SurveyResponseRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SURVEY_TOPICS.length)
  @ArrayUnique((answer: unknown) => (answer as { topic?: unknown } | null)?.topic, {
    message: 'answers must name each topic at most once',
  })
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SurveyAnswerRequest)
  answers!: SurveyAnswerRequest[];

  @OptionalField()
  @IsIsoInstant()
  respondedAt?: string;
}
